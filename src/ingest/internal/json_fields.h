// ingest/internal/json_fields.h — reads the members of one JSON object of a feed, reporting
// wrong types and missing values under their JSON path and reading on.
//
// Unlike catalog/course_json.h, which stops at the first error of our own trusted shape, a feed
// reader must find every problem of a record in one pass. Absent members and nulls read as "not
// given"; unknown members are ignored (OOAPI lets publishers add fields).
//
// The values are simdjson's (a feed of 100,000 courses is 275 MB of JSON; nlohmann's tree was a
// third of reading it). An element is valid as long as the parser that made it is neither
// destroyed nor used for another document.
//
//   JsonFields r(root, "offerings[1]", &problems);
//   std::string id = r.String("offeringId", /*required=*/true);
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "ingest/internal/feed_record.h"

namespace verder::ingest_internal {

using JsonValue = simdjson::dom::element;

// The text of a JSON string, or nullopt for any other value.
std::optional<std::string_view> TextOf(JsonValue v);
// The elements of a JSON array (none for any other value), to walk by index.
std::vector<JsonValue> ElementsOf(JsonValue v);

class JsonFields {
 public:
  // `j` may be empty (an absent object: every member reads as not given).
  JsonFields(std::optional<JsonValue> j, std::string path, RecordProblems* problems);

  const std::string& path() const { return path_; }
  std::string Path(std::string_view key) const;
  // The member, or nullopt when absent or null. A member given twice: the first counts.
  std::optional<JsonValue> Get(std::string_view key) const;
  std::optional<JsonValue> Object(std::string_view key);
  std::optional<JsonValue> Array(std::string_view key);

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

  std::optional<JsonValue> j_;
  std::string path_;
  RecordProblems* problems_;
};

}  // namespace verder::ingest_internal
