// catalog/course_document.h — the text the store keeps for a course and for an offering: the
// JSON of catalog/course_json.h without the fields the row holds in its own columns (the ids, and
// the course's updated_at), compact, keys in sorted order.
//
// Written straight into a string (core/json_text.h), byte for byte what
// nlohmann::json(ToJson(course)).dump() minus those fields gives, because the store compares a
// feed's new text with the stored one to tell an unchanged course, and rows written before this
// writer existed must still compare equal. course_document_test.cpp holds the two side by side.
//
//   std::string doc = StoredCourseDocument(course);   // {"costs":{...},"credential":"none",...}
#pragma once

#include <string>

#include "catalog/course.h"

namespace verder {

std::string StoredCourseDocument(const Course& course);
std::string StoredOfferingDocument(const Offering& offering);

}  // namespace verder
