// catalog/course_json.h — the catalogue as JSON, the one shape used by the store's documents and
// the public API (/api/v1/courses/{id}, the NDJSON export).
//
// Field names are snake_case English; money in integer euro cents; dates YYYY-MM-DD. FromJson is
// strict about types and enumerations and names the field that is wrong.
//
//   nlohmann::json j = ToJson(course);
//   Result<Course> back = CourseFromJson(j);  // back.value() == course
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "catalog/course.h"
#include "core/status.h"

namespace verder {

nlohmann::json ToJson(const Provider& provider);
nlohmann::json ToJson(const Course& course);
nlohmann::json ToJson(const Offering& offering);

Result<Provider> ProviderFromJson(const nlohmann::json& j);
Result<Course> CourseFromJson(const nlohmann::json& j);
Result<Offering> OfferingFromJson(const nlohmann::json& j);

}  // namespace verder
