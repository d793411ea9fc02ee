#include "ingest/internal/ooapi_names.h"

#include <array>
#include <utility>

namespace verder::ingest_internal {
namespace {

// OOAPI v5's level enumeration, in the direction we write it. Several OOAPI values have no level
// of ours (doctoral, nt2-x, ...) and read as kNone.
constexpr std::array<std::pair<Level, std::string_view>, 10> kLevels{{
    {Level::kNone, "undefined"},
    {Level::kMbo1, "secondary vocational education 1"},
    {Level::kMbo2, "secondary vocational education 2"},
    {Level::kMbo3, "secondary vocational education 3"},
    {Level::kMbo4, "secondary vocational education 4"},
    {Level::kHboAssociate, "associate degree"},
    {Level::kHboBachelor, "bachelor"},
    {Level::kHboMaster, "master"},
    {Level::kWoBachelor, "bachelor"},
    {Level::kWoMaster, "master"},
}};
constexpr std::array<std::string_view, 6> kLevelsWithoutOurs{
    "secondary vocational education", "doctoral", "undivided", "nt2-1", "nt2-2", "undefined"};

constexpr std::array<std::pair<DeliveryMode, std::string_view>, 4> kModes{{
    {DeliveryMode::kClassroom, "on campus"},
    {DeliveryMode::kOnline, "online"},
    {DeliveryMode::kBlended, "hybrid"},
    {DeliveryMode::kSelfPaced, "distance-learning"},
}};

// The teaching languages adult education in the Netherlands actually uses; the bibliographic
// 639-2/B spellings (dut, ger, fre, chi) are read too because some systems still send them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kLanguages{{
    {"nld", "nl"}, {"dut", "nl"}, {"eng", "en"}, {"deu", "de"}, {"ger", "de"},
    {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"},
    {"pol", "pl"}, {"tur", "tr"}, {"ara", "ar"}, {"zho", "zh"}, {"chi", "zh"},
    {"rus", "ru"}, {"ukr", "uk"}, {"fry", "fy"}, {"ron", "ro"}, {"bul", "bg"},
}};

bool IsLowerAlpha(std::string_view s) {
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return !s.empty();
}

}  // namespace

bool IsMboLevel(Level level) {
  return level == Level::kMbo1 || level == Level::kMbo2 || level == Level::kMbo3 ||
         level == Level::kMbo4;
}

std::optional<Level> LevelFromOoapi(std::string_view level) {
  // The first match wins, so "bachelor" and "master" read as hbo (the larger group in adult
  // education); the writer adds ext.level for wo.
  for (const auto& [ours, name] : kLevels) {
    if (level == name) return ours;
  }
  for (std::string_view name : kLevelsWithoutOurs) {
    if (level == name) return Level::kNone;
  }
  if (level.substr(0, 2) == "x-") return Level::kNone;
  return std::nullopt;
}

const char* OoapiLevel(Level level) {
  for (const auto& [ours, name] : kLevels) {
    if (ours == level) return name.data();
  }
  return "undefined";
}

bool OoapiLevelIsAmbiguous(Level level) {
  return level == Level::kHboBachelor || level == Level::kHboMaster ||
         level == Level::kWoBachelor || level == Level::kWoMaster;
}

std::optional<DeliveryMode> ModeFromOoapi(std::string_view mode) {
  for (const auto& [ours, name] : kModes) {
    if (mode == name) return ours;
  }
  if (mode == "situated") return DeliveryMode::kClassroom;  // on location, e.g. at work
  return std::nullopt;
}

const char* OoapiMode(DeliveryMode mode) {
  for (const auto& [ours, name] : kModes) {
    if (ours == mode) return name.data();
  }
  return "on campus";
}

std::optional<std::string> LanguageFromOoapi(std::string_view language) {
  for (const auto& [iso2, iso1] : kLanguages) {
    if (language == iso2) return std::string(iso1);
  }
  if (language.size() == 2 && IsLowerAlpha(language)) return std::string(language);
  return std::nullopt;
}

std::string OoapiLanguage(std::string_view iso639_1) {
  for (const auto& [iso2, iso1] : kLanguages) {
    if (iso639_1 == iso1) return std::string(iso2);  // the first entry is the terminology code
  }
  return std::string(iso639_1);
}

CourseCode CodeFromOoapi(std::string_view code_type, std::string_view code, Level level) {
  std::string type(code_type);
  if (code_type == "crohoCreboCode") {
    type = IsMboLevel(level) ? "crebo" : "croho";
  } else if (code_type == "x-crebo") {
    type = "crebo";
  } else if (code_type == "x-croho") {
    type = "croho";
  } else if (code_type == "identifier" || code_type.empty()) {
    type = "provider";
  }
  return {type, std::string(code)};
}

std::string OoapiCodeType(const CourseCode& code, Level level) {
  if (code.type == "crebo") return IsMboLevel(level) ? "crohoCreboCode" : "x-crebo";
  if (code.type == "croho") return IsMboLevel(level) ? "x-croho" : "crohoCreboCode";
  if (code.type == "provider" || code.type.empty()) return "identifier";
  return code.type;
}

}  // namespace verder::ingest_internal
