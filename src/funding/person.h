// funding/person.h — the few answers that describe a person, and what is wrong with them.
//
// A person is only a handful of answers (age, highest diploma, work situation, sector, postcode,
// what they already received), kept in the URL or form and never stored by this module. Answers
// come from people, so they can be wrong: ValidatePerson returns every problem as an AnswerError
// naming the field. The engine treats a field with an error as unknown, so a wrong answer gives
// "maybe", never a wrong "yes".
//
//   Person p;
//   p.age = 34;
//   p.education = "mbo4";
//   p.work = "self-employed";
//   p.sector = "culture";
//   std::vector<AnswerError> errors = ValidatePerson(p);  // empty: all answers usable
//
// Plain values; copy freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/money.h"

namespace verder::funding {

enum class AnswerErrorCode {
  kInvalid,  // an impossible value: negative, bad format, a date that does not exist
  kUnknown,  // a value outside the allowed list
  kMissing,  // no value where one is needed
};

const char* AnswerErrorCodeName(AnswerErrorCode code);  // "invalid", "unknown", "missing"

struct AnswerError {
  // "age", "used_this_year_cents.stap-budget", "as_of", "course.costs_cents.tuition", ...
  std::string field;
  AnswerErrorCode code = AnswerErrorCode::kInvalid;
  LocalizedText message;  // plain Dutch (B1) and English, shown beside the question
};

struct Person {
  std::optional<int> age;  // whole years on the day asked; nullopt is an error ("missing")
  // Allowed values in funding/vocabulary.h; "unknown" means "not answered" and is allowed (the
  // schemes it decides become "maybe"); an empty string is an error ("missing").
  std::string education = "unknown";
  std::string work = "unknown";
  std::string sector = "unknown";       // where they work, or for a job seeker where they seek work
  std::optional<std::string> postcode;  // four digits ("1012"); nullopt: not given (allowed)
  bool newcomer = false;  // new to the Netherlands (status holder); not PPO's "new to the sector"
  std::optional<bool> employer_tied;  // an employee, or placed with an employer; nullopt: unknown
  // Scheme id → cents already received in the calendar year asked about.
  std::map<std::string, Cents> used_this_year_cents;
  Cents ppo_cofinanced_last_12m_cents = 0;  // PPO co-financing over the twelve months before
};

// Every problem with the answers; empty when all are usable.
std::vector<AnswerError> ValidatePerson(const Person& person);

// Whether `text` is four digits of a Dutch postcode ("1012"; Dutch postcodes start at 1000).
bool IsPostcode4(std::string_view text);

}  // namespace verder::funding
