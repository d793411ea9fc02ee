// catalog/course_document.h — the text the store keeps for a course and for an offering: the
// JSON of catalog/course_json.h without the fields the row holds in its own columns (the ids, and
// the course's updated_at), compact, keys in sorted order.
//
// Written straight into a string (core/json_text.h), byte for byte what
// nlohmann::json(ToJson(course)).dump() minus those fields gives, because the store compares a
// feed's new text with the stored one to tell an unchanged course, and rows written before this
// writer existed must still compare equal. course_document_test.cpp holds the two side by side.
//
// Read back with simdjson (a few times faster than a nlohmann tree, which matters when the index
// catches up with a feed of 100,000 courses), by the same field rules as CourseFromJson
// (catalog/internal/course_reader.h). Any JSON of that shape is read, not only this writer's.
//
//   std::string doc = StoredCourseDocument(course);   // {"costs":{...},"credential":"none",...}
//   Result<Course> back = CourseFromDocument(doc);     // back: course, ids and updated_at 0
#pragma once

#include <string>
#include <string_view>

#include "catalog/course.h"
#include "core/status.h"

namespace verder {

std::string StoredCourseDocument(const Course& course);
std::string StoredOfferingDocument(const Offering& offering);

// Safe from any number of threads at once (each has its own parser).
Result<Course> CourseFromDocument(std::string_view text);
Result<Offering> OfferingFromDocument(std::string_view text);

}  // namespace verder
