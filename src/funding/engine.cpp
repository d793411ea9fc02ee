#include "funding/engine.h"

#include <utility>

#include "funding/internal/evaluate.h"
#include "funding/internal/stacking.h"
#include "funding/internal/texts.h"

namespace verder::funding {
namespace {

template <typename Check>
const SchemeAnswer* FindIn(const Check& check, std::string_view id) {
  for (const SchemeAnswer& a : check.schemes) {
    if (a.scheme_id == id) return &a;
  }
  return nullptr;
}

// The day asked, or nullopt with an error when `text` is not an existing date.
std::optional<Date> ParseAsOf(std::string_view text, std::vector<AnswerError>* errors) {
  const Result<Date> d = Date::Parse(text);
  if (d.ok()) return d.value();
  errors->push_back({"as_of",
                     AnswerErrorCode::kInvalid,
                     {"Deze datum klopt niet. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2025-03-01.",
                      "This date is not right. Write it as YYYY-MM-DD, for example 2025-03-01."}});
  return std::nullopt;
}

// One scheme's verdict; a yes with a budget also says how much of it is left.
internal::Evaluation Evaluate(const Scheme& scheme, const internal::Context& ctx) {
  internal::Evaluation e = internal::EvaluateScheme(scheme, ctx);
  if (e.verdict == Verdict::kYes && e.budget_left) {
    e.reason = internal::JoinSentences({e.reason, internal::BudgetLeftText(*e.budget_left)});
  }
  return e;
}

SchemeAnswer AnswerOf(const Scheme& scheme, internal::Evaluation e) {
  SchemeAnswer a;
  a.scheme_id = scheme.id;
  a.verdict = e.verdict;
  a.reason = std::move(e.reason);
  a.missing = std::move(e.missing);
  a.budget_left_cents = e.budget_left;
  return a;
}

}  // namespace

const SchemeAnswer* PersonCheck::Find(std::string_view scheme_id) const {
  return FindIn(*this, scheme_id);
}

const SchemeAnswer* CourseCheck::Find(std::string_view scheme_id) const {
  return FindIn(*this, scheme_id);
}

FundingEngine::FundingEngine(std::vector<Scheme> schemes) : schemes_(std::move(schemes)) {}

const Scheme* FundingEngine::FindScheme(std::string_view id) const {
  for (const Scheme& s : schemes_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

PersonCheck FundingEngine::CheckPerson(const Person& person, Date as_of) const {
  return Check(person, as_of, {});
}

PersonCheck FundingEngine::CheckPerson(const Person& person, std::string_view as_of) const {
  std::vector<AnswerError> errors;
  const std::optional<Date> date = ParseAsOf(as_of, &errors);
  return Check(person, date, std::move(errors));
}

CourseCheck FundingEngine::NetCost(const Person& person, const FundingCourse& course,
                                   Date as_of) const {
  return Cost(person, course, as_of, {});
}

CourseCheck FundingEngine::NetCost(const Person& person, const FundingCourse& course,
                                   std::string_view as_of) const {
  std::vector<AnswerError> errors;
  const std::optional<Date> date = ParseAsOf(as_of, &errors);
  return Cost(person, course, date, std::move(errors));
}

NetCostCalculator FundingEngine::PrepareNetCost(const Person& person, Date as_of) const {
  return NetCostCalculator(*this, person, as_of);
}

NetCostCalculator FundingEngine::PrepareNetCost(const Person& person,
                                                std::string_view as_of) const {
  const Result<Date> date = Date::Parse(as_of);
  return NetCostCalculator(*this, person,
                           date.ok() ? std::optional<Date>(date.value()) : std::nullopt);
}

PersonCheck FundingEngine::Check(const Person& person, std::optional<Date> as_of,
                                 std::vector<AnswerError> errors) const {
  PersonCheck out;
  const std::vector<AnswerError> person_errors = ValidatePerson(person);
  errors.insert(errors.end(), person_errors.begin(), person_errors.end());
  const internal::Facts facts(person, nullptr, errors);
  const internal::Context ctx{facts, as_of};
  for (const Scheme& scheme : schemes_) {
    out.schemes.push_back(AnswerOf(scheme, Evaluate(scheme, ctx)));
  }
  out.errors = std::move(errors);
  return out;
}

CourseCheck FundingEngine::Cost(const Person& person, const FundingCourse& course,
                                std::optional<Date> as_of, std::vector<AnswerError> errors) const {
  CourseCheck out;
  const std::vector<AnswerError> person_errors = ValidatePerson(person);
  const std::vector<AnswerError> course_errors = ValidateFundingCourse(course);
  errors.insert(errors.end(), person_errors.begin(), person_errors.end());
  errors.insert(errors.end(), course_errors.begin(), course_errors.end());
  const internal::Facts facts(person, &course, errors);
  const internal::Context ctx{facts, as_of};
  std::vector<internal::Evaluation> evaluations;
  evaluations.reserve(schemes_.size());
  for (const Scheme& scheme : schemes_) {
    evaluations.push_back(Evaluate(scheme, ctx));
  }
  if (!internal::PriceProblem(facts)) {
    out.total_cents = course.costs.Total();
    out.net_cost_cents =
        *out.total_cents - internal::Allocate(schemes_, *out.total_cents, &evaluations);
  }
  for (size_t i = 0; i < schemes_.size(); ++i) {
    const bool pays = evaluations[i].verdict == Verdict::kYes &&
                      schemes_[i].payment.kind == PaymentKind::kCourse && out.total_cents;
    const Cents amount = pays ? evaluations[i].amount : 0;
    out.schemes.push_back(AnswerOf(schemes_[i], std::move(evaluations[i])));
    out.schemes.back().pays_cents = amount;
  }
  out.errors = std::move(errors);
  return out;
}

}  // namespace verder::funding
