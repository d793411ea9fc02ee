#include "ingest/internal/json_fields.h"

namespace verder::ingest_internal {

using nlohmann::json;

JsonFields::JsonFields(const json* j, std::string path, RecordProblems* problems)
    : j_(j), path_(std::move(path)), problems_(problems) {
  if (j_ != nullptr && !j_->is_object()) {
    problems_->Add(path_, "type", (path_.empty() ? "A course" : path_) + " must be a JSON object.");
    j_ = nullptr;
  }
}

std::string JsonFields::Path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const json* JsonFields::Get(std::string_view key) const {
  if (j_ == nullptr) return nullptr;
  const auto it = j_->find(key);
  if (it == j_->end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonFields::TypeError(std::string_view key, const char* expected) {
  problems_->Add(Path(key), "type", Path(key) + " must be " + expected + ".");
}

const json* JsonFields::Object(std::string_view key) {
  const json* v = Get(key);
  if (v != nullptr && !v->is_object()) {
    TypeError(key, "a JSON object");
    return nullptr;
  }
  return v;
}

const json* JsonFields::Array(std::string_view key) {
  const json* v = Get(key);
  if (v != nullptr && !v->is_array()) {
    TypeError(key, "a list");
    return nullptr;
  }
  return v;
}

std::string JsonFields::String(std::string_view key, bool required) {
  const json* v = Get(key);
  if (v == nullptr || (v->is_string() && v->get_ref<const std::string&>().empty())) {
    if (required) problems_->Add(Path(key), "required", Path(key) + " is required.");
    return "";
  }
  if (!v->is_string()) {
    TypeError(key, "text");
    return "";
  }
  return v->get<std::string>();
}

std::optional<int64_t> JsonFields::Integer(std::string_view key) {
  const json* v = Get(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    TypeError(key, "a whole number");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<double> JsonFields::Number(std::string_view key) {
  const json* v = Get(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    TypeError(key, "a number");
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> JsonFields::Bool(std::string_view key) {
  const json* v = Get(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    TypeError(key, "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::vector<std::string> JsonFields::Strings(std::string_view key) {
  std::vector<std::string> out;
  const json* v = Get(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    TypeError(key, "a list of texts");
    return out;
  }
  for (const json& e : *v) {
    if (!e.is_string()) {
      TypeError(key, "a list of texts");
      return {};
    }
    out.push_back(e.get<std::string>());
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
  const json* list = Array(key);
  if (list == nullptr) {
    if (required && Get(key) == nullptr) problems_->Add(path, "required", path + " is required.");
    return out;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    JsonFields item(&(*list)[i], path + "[" + std::to_string(i) + "]", problems_);
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
