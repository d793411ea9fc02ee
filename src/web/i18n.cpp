#include "web/i18n.h"

#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "core/file.h"
#include "core/utf8.h"

namespace verder {

struct Translations::UnknownKeys {
  std::mutex mu;
  std::set<std::string, std::less<>> keys;
};

Translations::Translations() : unknown_(std::make_shared<UnknownKeys>()) {}

Result<Translations::Table> Translations::ParseTable(std::string_view text, const char* name) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return InvalidArgument(name, "expected a JSON object of key → text");
  Table table;
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string() || !IsValidUtf8(value.get<std::string>())) {
      return InvalidArgument(std::string(name) + ":" + key, "expected text");
    }
    table.emplace(key, value.get<std::string>());
  }
  return table;
}

const char* LangCode(Lang lang) { return lang == Lang::kNl ? "nl" : "en"; }

Result<Translations> Translations::FromJson(std::string_view nl_json, std::string_view en_json) {
  Translations t;
  VERDER_ASSIGN_OR_RETURN(t.nl_, ParseTable(nl_json, "nl.json"));
  VERDER_ASSIGN_OR_RETURN(t.en_, ParseTable(en_json, "en.json"));
  for (const auto& [key, text] : t.nl_) {
    if (t.en_.count(key) == 0)
      return InvalidArgument("en.json:" + key, "is missing (nl.json has it)");
  }
  for (const auto& [key, text] : t.en_) {
    if (t.nl_.count(key) == 0)
      return InvalidArgument("nl.json:" + key, "is missing (en.json has it)");
  }
  return t;
}

Result<Translations> Translations::LoadDir(const std::string& dir) {
  VERDER_ASSIGN_OR_RETURN(std::string nl, ReadFile(dir + "/nl.json"));
  VERDER_ASSIGN_OR_RETURN(std::string en, ReadFile(dir + "/en.json"));
  return FromJson(nl, en);
}

const std::string& Translations::Get(Lang lang, std::string_view key) const {
  const Table& table = lang == Lang::kNl ? nl_ : en_;
  const auto it = table.find(key);
  if (it != table.end()) return it->second;
  std::lock_guard lock(unknown_->mu);
  auto known = unknown_->keys.find(key);
  if (known == unknown_->keys.end()) known = unknown_->keys.emplace(key).first;
  return *known;
}

std::string Translations::Format(
    Lang lang, std::string_view key,
    const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string text = Get(lang, key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace verder
