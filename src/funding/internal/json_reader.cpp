#include "funding/internal/json_reader.h"

#include <algorithm>

namespace verder::funding::internal {

using nlohmann::json;

void Problems::Add(const std::string& path, const std::string& message) {
  out_->push_back(InvalidArgument(file_ + ":" + (path.empty() ? "(top)" : path), message));
}

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

bool CheckObject(const json& j, const std::string& path,
                 std::initializer_list<std::string_view> allowed, Problems* problems) {
  if (!j.is_object()) {
    problems->Add(path, "expected an object {...}");
    return false;
  }
  for (const auto& [key, value] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      problems->Add(Join(path, key), "unknown key (a misspelt rule would be ignored)");
    }
  }
  return true;
}

namespace {

// j[key] when present; a problem when missing and required.
const json* Find(const json& j, std::string_view key, const std::string& path, bool required,
                 Problems* problems) {
  if (j.is_object()) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null()) return &*it;
  }
  if (required) problems->Add(Join(path, key), "required");
  return nullptr;
}

}  // namespace

std::optional<std::string> ReadText(const json& j, std::string_view key, const std::string& path,
                                    bool required, Problems* problems) {
  const json* v = Find(j, key, path, required, problems);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string() || v->get<std::string>().empty()) {
    problems->Add(Join(path, key), "expected a non-empty text");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int64_t> ReadInteger(const json& j, std::string_view key, const std::string& path,
                                   bool required, Problems* problems) {
  const json* v = Find(j, key, path, required, problems);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    problems->Add(Join(path, key), "expected a whole number");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<Date> ReadDate(const json& j, std::string_view key, const std::string& path,
                             bool required, Problems* problems) {
  const std::optional<std::string> text = ReadText(j, key, path, required, problems);
  if (!text) return std::nullopt;
  const Result<Date> d = Date::Parse(*text);
  if (!d.ok()) {
    problems->Add(Join(path, key), "expected an existing date as YYYY-MM-DD");
    return std::nullopt;
  }
  return d.value();
}

LocalizedText ReadLocalized(const json& j, std::string_view key, const std::string& path,
                            bool required, Problems* problems) {
  const json* v = Find(j, key, path, required, problems);
  if (v == nullptr) return {};
  const std::string here = Join(path, key);
  if (!CheckObject(*v, here, {"nl", "en"}, problems)) return {};
  LocalizedText out;
  out.nl = ReadText(*v, "nl", here, true, problems).value_or("");
  out.en = ReadText(*v, "en", here, true, problems).value_or("");
  return out;
}

std::vector<std::string> ReadTexts(const json& j, std::string_view key, const std::string& path,
                                   bool required, Problems* problems) {
  const json* v = Find(j, key, path, required, problems);
  if (v == nullptr) return {};
  std::vector<std::string> out;
  if (!v->is_array()) {
    problems->Add(Join(path, key), "expected a list of texts");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    if (!e.is_string() || e.get<std::string>().empty()) {
      problems->Add(Index(Join(path, key), i), "expected a non-empty text");
    } else {
      out.push_back(e.get<std::string>());
    }
  }
  return out;
}

std::vector<SourceRef> ReadSources(const json& j, const std::string& path, Problems* problems) {
  const json* v = Find(j, "source", path, true, problems);
  std::vector<SourceRef> out;
  if (v == nullptr) return out;
  const std::string here = Join(path, "source");
  if (!v->is_array() || v->empty()) {
    problems->Add(here, "expected a list of at least one {file, line, quote}");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const std::string at = Index(here, i);
    if (!CheckObject((*v)[i], at, {"file", "line", "quote", "note"}, problems)) continue;
    SourceRef s;
    s.file = ReadText((*v)[i], "file", at, true, problems).value_or("");
    s.line = static_cast<int>(ReadInteger((*v)[i], "line", at, true, problems).value_or(0));
    s.quote = ReadText((*v)[i], "quote", at, true, problems).value_or("");
    s.note = ReadText((*v)[i], "note", at, false, problems).value_or("");
    if (s.line < 1 && (*v)[i].contains("line")) problems->Add(Join(at, "line"), "starts at 1");
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace verder::funding::internal
