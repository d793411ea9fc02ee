// funding/vocabulary.h — the words person answers, course facts and scheme files share.
//
// One list per answer ("mbo4", "self-employed", "culture", ...) and one table of the fields a
// scheme rule may test ("age", "course.registers", ...). The loader checks scheme files against
// these lists, so a typo in a data file is an error at start instead of a silent "no"; the engine
// reads answers and course facts by the same names.
//
//   if (!IsAllowed(WorkValues(), "astronaut")) ...   // not an allowed answer
//   const FieldSpec* f = FindField("course.registers");  // f->type == FieldType::kTextList
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verder::funding {

// Every list holds "unknown" where a person may leave the answer open.
const std::vector<std::string>& EducationValues();    // "none", "primary", ..., "wo", "unknown"
const std::vector<std::string>& WorkValues();         // "employee-permanent", ..., "unknown"
const std::vector<std::string>& SectorValues();       // "culture", ..., "none", "unknown"
const std::vector<std::string>& RegisterValues();     // "stap", "nl-leert-door", "crebo", ...
const std::vector<std::string>& CourseLevelValues();  // "none", "mbo-1", ..., "wo", "other"
const std::vector<std::string>& CostPartNames();  // "registration", "tuition", "materials", "other"

bool IsAllowed(const std::vector<std::string>& values, std::string_view value);

enum class FieldType { kNumber, kText, kBool, kTextList };

// A field a criterion in a scheme file may test.
struct FieldSpec {
  std::string_view name;  // "age"; course facts start with "course."
  FieldType type;
  const std::vector<std::string>* values;  // the allowed values; nullptr: free text or not text
  bool about_course;                       // a course fact rather than a person's answer
};

const FieldSpec* FindField(std::string_view name);

// A person's field as words for a reason: {"je leeftijd", "your age"}.
struct FieldLabel {
  std::string_view nl;
  std::string_view en;
};
FieldLabel LabelOf(std::string_view field);

}  // namespace verder::funding
