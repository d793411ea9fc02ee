// ingest/internal/json_fields.h — reads the members of one JSON object of a feed, reporting
// wrong types and missing values under their JSON path and reading on.
//
// Unlike catalog/course_json.h, which stops at the first error of our own trusted shape, a feed
// reader must find every problem of a record in one pass. Absent members and nulls read as "not
// given"; unknown members are ignored (OOAPI lets publishers add fields).
//
//   JsonFields r(&j, "offerings[1]", &problems);
//   std::string id = r.String("offeringId", /*required=*/true);
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "ingest/internal/feed_record.h"

namespace verder::ingest_internal {

class JsonFields {
 public:
  // `j` may be null (an absent object: every member reads as not given).
  JsonFields(const nlohmann::json* j, std::string path, RecordProblems* problems);

  const std::string& path() const { return path_; }
  std::string Path(std::string_view key) const;
  // The member, or nullptr when absent or null.
  const nlohmann::json* Get(std::string_view key) const;
  const nlohmann::json* Object(std::string_view key);
  const nlohmann::json* Array(std::string_view key);

  std::string String(std::string_view key, bool required = false);
  std::optional<int64_t> Integer(std::string_view key);
  std::optional<double> Number(std::string_view key);
  std::optional<bool> Bool(std::string_view key);
  std::vector<std::string> Strings(std::string_view key);
  std::optional<Date> DateValue(std::string_view key);
  // An OOAPI language-tagged list [{"language": "nl-NL", "value": "..."}]: Dutch and English
  // values are kept, other languages skipped. Records where each value came from under
  // `model_field` ("title" → "title.nl" from "name[0].value").
  LocalizedText Localized(std::string_view key, const std::string& model_field,
                          bool required = false);

  RecordProblems* problems() { return problems_; }

 private:
  void TypeError(std::string_view key, const char* expected);

  const nlohmann::json* j_;
  std::string path_;
  RecordProblems* problems_;
};

}  // namespace verder::ingest_internal
