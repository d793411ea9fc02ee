// ingest/ooapi_writer.h — our catalogue in OOAPI v5 shape, for other portals to read.
//
// The reverse of ingest/feed_reader.h: a course is written with the OOAPI fields (courseId,
// primaryCode, name/description as language-tagged lists, level, studyLoad, modeOfDelivery,
// teachingLanguage, ...), its offerings embedded under "offerings" (offeringId, startDate,
// endDate, priceInformation with string amounts, addresses, link), and what OOAPI has no field
// for under "ext". What the writer writes, ReadJsonFeed reads back to the same course (except the
// ids and time stamps the store assigns), so a feed exported here can be imported elsewhere.
//
//   nlohmann::json j = OoapiCourseJson(store->GetCourse(id).value());
//   body += j.dump() + "\n";  // NDJSON
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "catalog/course.h"
#include "store/store.h"

namespace verder {

// The course with all its offerings; "organization" is the provider's key.
nlohmann::json OoapiCourseJson(const CourseRecord& record);
// One offering as an OOAPI course offering; `course` supplies its name, language and price.
nlohmann::json OoapiOfferingJson(const Offering& offering, const Course& course);

}  // namespace verder
