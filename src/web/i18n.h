// web/i18n.h — every word the site shows, in Dutch (B1) and English, from data/i18n/*.json.
//
//   Translations t = Translations::LoadDir("data/i18n").value();
//   t.Get(Lang::kNl, "search.button")                          → "Zoeken"
//   t.Format(Lang::kEn, "results.count", {{"count", "12"}})    → "12 courses found"
//
// Loading fails, naming the key, when a language lacks a key the other has: no page can show a
// half-translated label. Immutable after loading; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace verder {

enum class Lang { kNl, kEn };

class Translations {
 public:
  static Result<Translations> LoadDir(const std::string& dir);
  static Result<Translations> FromJson(std::string_view nl_json, std::string_view en_json);

  // The text for `key`; the key itself when unknown (a visible bug, never a crash).
  std::string Get(Lang lang, std::string_view key) const;
  // Replaces {name} placeholders with the values given.
  std::string Format(Lang lang, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& values) const;

 private:
  std::map<std::string, std::string, std::less<>> nl_;
  std::map<std::string, std::string, std::less<>> en_;
};

const char* LangCode(Lang lang);  // "nl", "en"

}  // namespace verder
