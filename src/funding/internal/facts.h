// funding/internal/facts.h — a person's answers and a course's facts, looked up by field name.
//
// Criteria in scheme files name the field they test ("age", "course.registers"); Facts answers
// those names and says whether the value may be used: an answer with an input error or left open
// ("unknown") must give "maybe", never a "yes" or a "no".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "funding/funding_course.h"
#include "funding/person.h"

namespace verder::funding::internal {

struct Fact {
  enum class State { kKnown, kNotAnswered, kWrong };
  State state = State::kNotAnswered;
  std::optional<int64_t> number;  // number fields; nullopt when known to be absent (no NLQF)
  std::string text;               // text fields; yes/no fields as "true"/"false"
  std::vector<std::string> list;  // list fields
};

class Facts {
 public:
  // `course` may be null (a person-only check); all referenced objects must outlive Facts.
  Facts(const Person& person, const FundingCourse* course, const std::vector<AnswerError>& errors);

  Fact Get(std::string_view field) const;
  // Whether `field` or a part of it ("course.costs_cents" covers "course.costs_cents.tuition")
  // has an input error.
  bool Wrong(std::string_view field) const;

  const Person& person() const { return person_; }
  const FundingCourse* course() const { return course_; }

 private:
  const AnswerError* ErrorOn(std::string_view field) const;

  const Person& person_;
  const FundingCourse* course_;
  const std::vector<AnswerError>& errors_;
};

}  // namespace verder::funding::internal
