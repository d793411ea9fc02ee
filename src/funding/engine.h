// funding/engine.h — which funding schemes apply to a person, and what a course costs them net.
//
// The "leerspaarpot": given a person's answers and the day asked ("as of"), every scheme gets a
// verdict — yes, no, maybe (with what we would need to know) or ended — with a reason in plain
// Dutch (B1) and English, and the budget left where a scheme has one. For a course, the schemes
// that say yes pay their share, combined by the stacking rules, and what is left is the net cost.
// All rules come from the scheme files (funding/scheme.h); the engine only evaluates them.
//
//   Result<std::vector<Scheme>> schemes = LoadSchemes(dir);
//   FundingEngine engine(std::move(schemes).value());
//   PersonCheck check = engine.CheckPerson(person, "2022-06-01");
//   CourseCheck cost = engine.NetCost(person, FundingCourseFromCourse(course, start), today);
//   if (cost.net_cost_cents) show(*cost.net_cost_cents);
//   NetCostCalculator calc = engine.PrepareNetCost(person, today);  // many courses, no reasons
//
// Promises: a wrong or missing answer is reported in `errors` and makes the verdicts that depend
// on it "maybe", never "yes"; a maybe, a loan or a tax deduction never lowers the net cost; an
// ended scheme never pays; schemes together never pay more than the course costs.
//
// Thread-safety: the engine is immutable after construction; call it from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "funding/funding_course.h"
#include "funding/net_cost_calculator.h"
#include "funding/person.h"
#include "funding/scheme.h"

namespace verder::funding {

struct SchemeAnswer {
  std::string scheme_id;
  Verdict verdict = Verdict::kMaybe;
  LocalizedText reason;
  std::vector<std::string> missing;        // fields or questions that would decide a maybe
  std::optional<Cents> budget_left_cents;  // schemes with a ceiling, when known and running
  Cents pays_cents = 0;                    // towards the course (NetCost only)
};

struct PersonCheck {
  std::vector<AnswerError> errors;    // problems with the answers or the date
  std::vector<SchemeAnswer> schemes;  // one per scheme, in the engine's scheme order
  const SchemeAnswer* Find(std::string_view scheme_id) const;
};

struct CourseCheck {
  std::vector<AnswerError> errors;  // the person's, the date's and the course's
  std::vector<SchemeAnswer> schemes;
  std::optional<Cents> total_cents;     // nullopt when the price is unknown or wrong
  std::optional<Cents> net_cost_cents;  // total minus what the schemes pay; nullopt likewise
  const SchemeAnswer* Find(std::string_view scheme_id) const;
};

class FundingEngine {
 public:
  // `schemes` as LoadSchemes returns them (checked); the order is kept in every answer.
  explicit FundingEngine(std::vector<Scheme> schemes);

  const std::vector<Scheme>& schemes() const { return schemes_; }
  const Scheme* FindScheme(std::string_view id) const;

  PersonCheck CheckPerson(const Person& person, Date as_of) const;
  // `as_of` as YYYY-MM-DD; a date that does not exist is an error ("as_of", "invalid") and every
  // verdict the date decides becomes maybe.
  PersonCheck CheckPerson(const Person& person, std::string_view as_of) const;

  CourseCheck NetCost(const Person& person, const FundingCourse& course, Date as_of) const;
  CourseCheck NetCost(const Person& person, const FundingCourse& course,
                      std::string_view as_of) const;

  // For the net cost of many courses (search): what NetCost's net_cost_cents gives, without
  // reasons, at a fraction of the cost per course (funding/net_cost_calculator.h). The
  // calculator refers to this engine.
  NetCostCalculator PrepareNetCost(const Person& person, Date as_of) const;
  NetCostCalculator PrepareNetCost(const Person& person, std::string_view as_of) const;

 private:
  PersonCheck Check(const Person& person, std::optional<Date> as_of,
                    std::vector<AnswerError> errors) const;
  CourseCheck Cost(const Person& person, const FundingCourse& course, std::optional<Date> as_of,
                   std::vector<AnswerError> errors) const;

  std::vector<Scheme> schemes_;
};

}  // namespace verder::funding
