#include "ingest/internal/json_fields.h"

namespace verder::ingest_internal {

std::optional<std::string_view> TextOf(JsonValue v) {
  std::string_view text;
  if (v.get_string().get(text) != simdjson::SUCCESS) return std::nullopt;
  return text;
}

std::vector<JsonValue> ElementsOf(JsonValue v) {
  std::vector<JsonValue> out;
  simdjson::dom::array array;
  if (v.get_array().get(array) != simdjson::SUCCESS) return out;
  out.reserve(array.size());
  for (const JsonValue e : array) out.push_back(e);
  return out;
}

JsonFields::JsonFields(std::optional<JsonValue> j, std::string path, RecordProblems* problems)
    : j_(j), path_(std::move(path)), problems_(problems) {
  if (j_ && !j_->is_object()) {
    problems_->Add(path_, "type", (path_.empty() ? "A course" : path_) + " must be a JSON object.");
    j_.reset();
  }
}

std::string JsonFields::Path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::optional<JsonValue> JsonFields::Get(std::string_view key) const {
  if (!j_) return std::nullopt;
  JsonValue member;
  if (j_->get_object().value_unsafe().at_key(key).get(member) != simdjson::SUCCESS ||
      member.is_null()) {
    return std::nullopt;
  }
  return member;
}

void JsonFields::TypeError(std::string_view key, const char* expected) {
  problems_->Add(Path(key), "type", Path(key) + " must be " + expected + ".");
}

std::optional<JsonValue> JsonFields::Object(std::string_view key) {
  const std::optional<JsonValue> v = Get(key);
  if (v && !v->is_object()) {
    TypeError(key, "a JSON object");
    return std::nullopt;
  }
  return v;
}

std::optional<JsonValue> JsonFields::Array(std::string_view key) {
  const std::optional<JsonValue> v = Get(key);
  if (v && !v->is_array()) {
    TypeError(key, "a list");
    return std::nullopt;
  }
  return v;
}

std::string JsonFields::String(std::string_view key, bool required) {
  const std::optional<JsonValue> v = Get(key);
  const std::optional<std::string_view> text = v ? TextOf(*v) : std::nullopt;
  if (!v || (text && text->empty())) {
    if (required) problems_->Add(Path(key), "required", Path(key) + " is required.");
    return "";
  }
  if (!text) {
    TypeError(key, "text");
    return "";
  }
  return std::string(*text);
}

std::optional<int64_t> JsonFields::Integer(std::string_view key) {
  const std::optional<JsonValue> v = Get(key);
  if (!v) return std::nullopt;
  if (int64_t value = 0; v->get_int64().get(value) == simdjson::SUCCESS) return value;
  // Above INT64_MAX: kept out of range as a negative number, which the catalogue's rules reject.
  if (uint64_t value = 0; v->get_uint64().get(value) == simdjson::SUCCESS) {
    return static_cast<int64_t>(value);
  }
  TypeError(key, "a whole number");
  return std::nullopt;
}

std::optional<double> JsonFields::Number(std::string_view key) {
  const std::optional<JsonValue> v = Get(key);
  if (!v) return std::nullopt;
  double value = 0;
  if (v->get_double().get(value) != simdjson::SUCCESS) {  // also reads whole numbers
    TypeError(key, "a number");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> JsonFields::Bool(std::string_view key) {
  const std::optional<JsonValue> v = Get(key);
  if (!v) return std::nullopt;
  bool value = false;
  if (v->get_bool().get(value) != simdjson::SUCCESS) {
    TypeError(key, "true or false");
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> JsonFields::Strings(std::string_view key) {
  std::vector<std::string> out;
  const std::optional<JsonValue> v = Get(key);
  if (!v) return out;
  if (!v->is_array()) {
    TypeError(key, "a list of texts");
    return out;
  }
  for (const JsonValue e : ElementsOf(*v)) {
    const std::optional<std::string_view> text = TextOf(e);
    if (!text) {
      TypeError(key, "a list of texts");
      return {};
    }
    out.emplace_back(*text);
  }
  return out;
}

std::optional<Date> JsonFields::DateValue(std::string_view key) {
  const std::string text = String(key);
  if (text.empty()) return std::nullopt;
  const Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    problems_->Add(Path(key), "date",
                   Path(key) + " '" + text + "' is not a date: " + d.error().message + ".");
    return std::nullopt;
  }
  return d.value();
}

LocalizedText JsonFields::Localized(std::string_view key, const std::string& model_field,
                                    bool required) {
  LocalizedText out;
  const std::string path = Path(key);
  problems_->Source(model_field + ".nl", path);
  problems_->Source(model_field + ".en", path);
  const std::optional<JsonValue> list = Array(key);
  if (!list) {
    if (required && !Get(key)) problems_->Add(path, "required", path + " is required.");
    return out;
  }
  const std::vector<JsonValue> items = ElementsOf(*list);
  for (size_t i = 0; i < items.size(); ++i) {
    JsonFields item(items[i], path + "[" + std::to_string(i) + "]", problems_);
    const std::string language = item.String("language", true);
    const std::string value = item.String("value");
    // "nl", "nl-NL", "nl-BE" are Dutch; the first Dutch and the first English value count.
    const std::string base = language.substr(0, language.find('-'));
    std::string* target = base == "nl" ? &out.nl : base == "en" ? &out.en : nullptr;
    if (target == nullptr || !target->empty()) continue;
    *target = value;
    problems_->Source(model_field + (base == "nl" ? ".nl" : ".en"), item.Path("value"));
  }
  return out;
}

}  // namespace verder::ingest_internal
