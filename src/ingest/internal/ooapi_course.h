// ingest/internal/ooapi_course.h — one course object in OOAPI v5 shape → CourseWithOfferings.
//
// The mapping, field by field, is documented for senders in data/feeds/README.md. Problems are
// reported under the sender's JSON paths ("offerings[1].priceInformation[0].amount"); the
// catalogue's own rules are left to RecordProblems::Validate, which the caller runs.
#pragma once

#include <string>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "ingest/internal/feed_record.h"
#include "ingest/internal/json_fields.h"

namespace verder::ingest_internal {

CourseWithOfferings CourseFromOoapi(JsonValue j, const GeoIndex* geo, RecordProblems* problems);

// The course id of a record, when it has a readable one ("" otherwise).
std::string OoapiCourseId(JsonValue j);

}  // namespace verder::ingest_internal
