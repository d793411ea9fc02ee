#include "funding/internal/criteria.h"

#include <algorithm>

#include "funding/internal/texts.h"
#include "funding/vocabulary.h"

namespace verder::funding::internal {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Outcome Yes() { return Outcome{}; }
Outcome No(const LocalizedText& reason) { return Outcome{Verdict::kNo, reason, {}}; }
Outcome Maybe(const LocalizedText& reason, std::vector<std::string> missing = {}) {
  return Outcome{Verdict::kMaybe, reason, std::move(missing)};
}

Outcome EvaluateField(const Criterion& c, const Context& ctx) {
  const Fact fact = ctx.facts.Get(c.field);
  if (fact.state == Fact::State::kWrong) return Maybe(AnswerWrongText(c.field), {c.field});
  if (fact.state == Fact::State::kNotAnswered) {
    return Maybe(AnswerUnknownText(c.field), {c.field});
  }
  const FieldSpec* spec = FindField(c.field);
  if (spec != nullptr && spec->type == FieldType::kNumber) {
    if (fact.number && c.yes_range && c.yes_range->Contains(*fact.number)) return Yes();
    if (fact.number && c.maybe_range && c.maybe_range->Contains(*fact.number)) {
      return Maybe(c.reason_maybe);
    }
    return No(c.reason_no);
  }
  // A list field matches when any of its values does.
  const std::vector<std::string> values = spec != nullptr && spec->type == FieldType::kTextList
                                              ? fact.list
                                              : std::vector<std::string>{fact.text};
  if (Contains(c.yes_values, "*")) return Yes();
  for (const std::string& v : values) {
    if (Contains(c.yes_values, v)) return Yes();
  }
  for (const std::string& v : values) {
    if (Contains(c.maybe_values, v)) return Maybe(c.reason_maybe);
  }
  return No(c.reason_no);
}

Outcome EvaluateAnyOf(const Criterion& c, const Context& ctx) {
  std::vector<LocalizedText> maybe_reasons;
  std::vector<std::string> missing;
  for (const Criterion& member : c.any_of) {
    const Outcome o = Evaluate(member, ctx);
    if (o.verdict == Verdict::kYes) return Yes();
    if (o.verdict == Verdict::kMaybe) {
      maybe_reasons.push_back(o.reason);
      missing.insert(missing.end(), o.missing.begin(), o.missing.end());
    }
  }
  if (maybe_reasons.empty()) return No(c.reason_no);
  if (!c.reason_maybe.nl.empty()) maybe_reasons.insert(maybe_reasons.begin(), c.reason_maybe);
  return Maybe(JoinSentences(maybe_reasons), std::move(missing));
}

// The sources give a minimum excluding VAT but prices that include VAT at an unknown rate, so a
// price including VAT is surely enough only when even the highest rate leaves enough.
Outcome EvaluateMinCost(const Criterion& c, const Context& ctx) {
  if (const std::optional<Outcome> problem = PriceProblem(ctx.facts)) return *problem;
  const FundingCourse& course = *ctx.facts.course();
  const Cents total = course.costs.Total();
  if (total < c.min_cents) return No(c.reason_no);
  if (!course.vat_included) return Yes();
  if (total * 100 >= c.min_cents * (100 + c.max_vat_percent)) return Yes();
  return Maybe(c.reason_maybe);
}

Outcome EvaluateStartWindow(const Criterion& c, const Context& ctx) {
  if (!ctx.as_of) return Maybe(DateUnknownText(), {"as_of"});
  const FundingCourse* course = ctx.facts.course();
  if (course == nullptr || !course->start_date) {
    return Maybe(StartUnknownText(), {"course.start_date"});
  }
  const Date start = *course->start_date;
  if (start < AddMonths(*ctx.as_of, -c.months_before)) return No(c.reason_no);
  if (start > AddMonths(*ctx.as_of, c.months_after)) return No(c.reason_no);
  return Yes();
}

}  // namespace

Date AddMonths(Date date, int months) {
  const int index = date.year() * 12 + (date.month() - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  for (int day = date.day(); day >= 28; --day) {
    const Result<Date> d = Date::FromYmd(year, month, day);
    if (d.ok()) return d.value();
  }
  const Result<Date> d = Date::FromYmd(year, month, std::min(date.day(), 28));
  return d.ok() ? d.value() : date;
}

std::optional<Outcome> PriceProblem(const Facts& facts) {
  const FundingCourse* course = facts.course();
  if (course == nullptr || !course->costs_stated) {
    return Maybe(PriceUnknownText(), {"course.costs"});
  }
  if (facts.Wrong("course.costs_cents")) return Maybe(PriceWrongText(), {"course.costs_cents"});
  return std::nullopt;
}

Outcome Evaluate(const Criterion& criterion, const Context& ctx) {
  switch (criterion.kind) {
    case Criterion::Kind::kField:
      return EvaluateField(criterion, ctx);
    case Criterion::Kind::kAnyOf:
      return EvaluateAnyOf(criterion, ctx);
    case Criterion::Kind::kMinCostExclVat:
      return EvaluateMinCost(criterion, ctx);
    case Criterion::Kind::kStartWindow:
      return EvaluateStartWindow(criterion, ctx);
    case Criterion::Kind::kNotAsked:
      return Maybe(criterion.reason_maybe, {criterion.question});
  }
  return Maybe(criterion.reason_maybe);
}

}  // namespace verder::funding::internal
