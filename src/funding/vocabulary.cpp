#include "funding/vocabulary.h"

#include <algorithm>
#include <array>

namespace verder::funding {

const std::vector<std::string>& EducationValues() {
  static const auto* values =
      new std::vector<std::string>{"none", "primary", "vmbo", "mbo1", "mbo2", "mbo3",
                                   "mbo4", "havo",    "vwo",  "hbo",  "wo",   "unknown"};
  return *values;
}

const std::vector<std::string>& WorkValues() {
  static const auto* values = new std::vector<std::string>{
      "employee-permanent", "employee-temporary",    "agency-worker", "self-employed",
      "jobseeker-benefits", "jobseeker-no-benefits", "other",         "unknown"};
  return *values;
}

const std::vector<std::string>& SectorValues() {
  static const auto* values = new std::vector<std::string>{
      "culture",     "care-welfare",        "childcare", "green", "technology-construction-energy",
      "metal",       "construction-infra",  "education", "ict",   "retail",
      "hospitality", "transport-logistics", "public",    "other", "none",
      "unknown"};
  return *values;
}

const std::vector<std::string>& RegisterValues() {
  // "llk" (a school-based route the Levenlanglerenkrediet lends for) and "sector-recognised"
  // come from the catalogue's funding flags (catalog/course.h).
  static const auto* values = new std::vector<std::string>{
      "stap", "nl-leert-door", "crebo", "croho", "llk", "sector-recognised"};
  return *values;
}

const std::vector<std::string>& CourseLevelValues() {
  static const auto* values = new std::vector<std::string>{"none",  "mbo-1", "mbo-2", "mbo-3",
                                                           "mbo-4", "hbo",   "wo",    "other"};
  return *values;
}

const std::vector<std::string>& CostPartNames() {
  static const auto* values =
      new std::vector<std::string>{"registration", "tuition", "materials", "other"};
  return *values;
}

bool IsAllowed(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

const FieldSpec* FindField(std::string_view name) {
  static const std::array<FieldSpec, 12> kFields{{
      {"age", FieldType::kNumber, nullptr, false},
      {"education", FieldType::kText, &EducationValues(), false},
      {"work", FieldType::kText, &WorkValues(), false},
      {"sector", FieldType::kText, &SectorValues(), false},
      {"postcode", FieldType::kText, nullptr, false},
      {"newcomer", FieldType::kBool, nullptr, false},
      {"employer_tied", FieldType::kBool, nullptr, false},
      {"course.registers", FieldType::kTextList, &RegisterValues(), true},
      {"course.recognised_ocw", FieldType::kBool, nullptr, true},
      {"course.nlqf", FieldType::kNumber, nullptr, true},
      {"course.level", FieldType::kText, &CourseLevelValues(), true},
      {"course.sector", FieldType::kText, &SectorValues(), true},
  }};
  for (const FieldSpec& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

FieldLabel LabelOf(std::string_view field) {
  struct Entry {
    std::string_view field;
    FieldLabel label;
  };
  static constexpr std::array<Entry, 12> kLabels{{
      {"age", {"je leeftijd", "your age"}},
      {"education", {"je hoogste diploma", "your highest diploma"}},
      {"work", {"je werksituatie", "your work situation"}},
      {"sector", {"de sector waarin je werkt", "the sector you work in"}},
      {"postcode", {"je postcode", "your postcode"}},
      {"employer_tied", {"of je bij een werkgever hoort", "whether you are tied to an employer"}},
      {"newcomer", {"of je nieuw bent in Nederland", "whether you are new to the Netherlands"}},
      {"as_of", {"de datum", "the date"}},
      {"used_this_year_cents", {"wat je dit jaar al kreeg", "what you already received this year"}},
      {"ppo_cofinanced_last_12m_cents",
       {"wat je de laatste 12 maanden van PPO kreeg", "what PPO paid you in the last 12 months"}},
      {"course.costs", {"de prijs van de cursus", "the price of the course"}},
      {"course.start_date", {"de startdatum van de cursus", "the start date of the course"}},
  }};
  // "used_this_year_cents.stap-budget" and "course.costs_cents.tuition" share their parent's words.
  for (const Entry& e : kLabels) {
    if (field == e.field) return e.label;
  }
  for (const Entry& e : kLabels) {
    if (field.size() > e.field.size() && field.substr(0, e.field.size()) == e.field &&
        field[e.field.size()] == '.') {
      return e.label;
    }
  }
  if (field.rfind("course.costs_cents", 0) == 0) return LabelOf("course.costs");
  return {"een antwoord", "an answer"};
}

}  // namespace verder::funding
