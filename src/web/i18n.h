// web/i18n.h — every word the site shows, in Dutch (B1) and English, from data/i18n/*.json.
//
//   Translations t = Translations::LoadDir("data/i18n").value();
//   t.Get(Lang::kNl, "search.button")                          → "Zoeken"
//   t.Format(Lang::kEn, "results.count", {{"count", "12"}})    → "12 courses found"
//
// Loading fails, naming the key, when a language lacks a key the other has: no page can show a
// half-translated label. The texts are immutable after loading; thread-safe. Keys are ours:
// constants, or a prefix of ours joined to a value of one of our vocabularies (levels, modes,
// language codes), never text from a request; so the unknown keys Get keeps stay few.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace verder {

enum class Lang { kNl, kEn };

class Translations {
 public:
  Translations();  // no texts: every Get answers with its key
  static Result<Translations> LoadDir(const std::string& dir);
  static Result<Translations> FromJson(std::string_view nl_json, std::string_view en_json);

  // The text for `key`; the key itself when unknown (a visible bug, never a crash). The
  // reference lives as long as these translations: a page reads hundreds of texts, and a copy
  // of each cost more than the lookup.
  const std::string& Get(Lang lang, std::string_view key) const;
  // Replaces {name} placeholders with the values given.
  std::string Format(Lang lang, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& values) const;

 private:
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  using Table = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;
  static Result<Table> ParseTable(std::string_view text, const char* name);
  // Unknown keys asked for, kept so that Get can hand out a reference to them too.
  struct UnknownKeys;
  Table nl_;
  Table en_;
  std::shared_ptr<UnknownKeys> unknown_;
};

const char* LangCode(Lang lang);  // "nl", "en"

}  // namespace verder
