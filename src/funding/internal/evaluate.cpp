#include "funding/internal/evaluate.h"

#include <algorithm>
#include <utility>

#include "funding/internal/texts.h"

namespace verder::funding::internal {
namespace {

// What a ceiling subtracts, read from the answer it names, with that answer's field name.
std::pair<std::string, Cents> Used(const Ceiling& ceiling, const Scheme& scheme,
                                   const Person& person) {
  if (ceiling.used_answer == "used_this_year_cents") {
    const auto it = person.used_this_year_cents.find(scheme.id);
    return {"used_this_year_cents." + scheme.id,
            it == person.used_this_year_cents.end() ? 0 : it->second};
  }
  return {"ppo_cofinanced_last_12m_cents", person.ppo_cofinanced_last_12m_cents};
}

// Adds the ceilings' outcomes and returns what is left under the tightest one.
std::optional<Cents> CheckCeilings(const Scheme& scheme, const Context& ctx,
                                   std::vector<Outcome>* outcomes) {
  std::optional<Cents> left;
  bool known = true;
  for (const Ceiling& ceiling : scheme.payment.ceilings) {
    const auto [field, used] = Used(ceiling, scheme, ctx.facts.person());
    if (ctx.facts.Wrong(field)) {
      outcomes->push_back({Verdict::kMaybe, AnswerWrongText(field), {field}});
      known = false;
      continue;
    }
    const Cents here = std::max<Cents>(0, ceiling.cents - used);
    if (here == 0) outcomes->push_back({Verdict::kNo, ceiling.reason_used_up, {}});
    left = left ? std::min(*left, here) : here;
  }
  return known ? left : std::nullopt;
}

bool InDates(const ShareRule& share, Date as_of) {
  return (!share.from || as_of >= *share.from) && (!share.to || as_of <= *share.to);
}

// The share of the costs this person gets; null (with a maybe outcome) when that is unclear.
const ShareRule* PickShare(const Scheme& scheme, const Context& ctx,
                           std::vector<Outcome>* outcomes) {
  for (const ShareRule& share : scheme.payment.shares) {
    if ((share.from || share.to) && !ctx.as_of) {
      outcomes->push_back({Verdict::kMaybe, DateUnknownText(), {"as_of"}});
      return nullptr;
    }
    if ((share.from || share.to) && !InDates(share, *ctx.as_of)) continue;
    bool applies = true;
    for (const Criterion& c : share.when) {
      const Outcome o = Evaluate(c, ctx);
      if (o.verdict == Verdict::kMaybe) {
        outcomes->push_back(o);
        return nullptr;
      }
      applies = applies && o.verdict == Verdict::kYes;
    }
    if (applies) return &share;
  }
  return nullptr;  // the loader makes the last share always apply
}

// What a course payment would pay for this course on its own, or nullopt with the outcome why not.
std::optional<Cents> CourseAmount(const Scheme& scheme, const Context& ctx,
                                  std::optional<Cents> left, std::vector<Outcome>* outcomes) {
  if (const std::optional<Outcome> problem = PriceProblem(ctx.facts)) {
    outcomes->push_back(*problem);
    return std::nullopt;
  }
  const ShareRule* share = PickShare(scheme, ctx, outcomes);
  if (share == nullptr) return std::nullopt;
  Cents base = 0;
  for (const std::string& part : scheme.payment.cost_parts) {
    base += CostPart(ctx.facts.course()->costs, part).value_or(0);
  }
  // Rounded down: a scheme never pays more than its share.
  const Cents amount = base * share->numerator / share->denominator;
  return left ? std::min(amount, *left) : amount;
}

Evaluation Combine(const Scheme& scheme, const std::vector<Outcome>& outcomes) {
  Evaluation e;
  for (const Outcome& o : outcomes) {
    if (o.verdict == Verdict::kNo) {
      e.verdict = Verdict::kNo;
      e.reason = o.reason;
      return e;
    }
  }
  std::vector<LocalizedText> reasons;
  for (const Outcome& o : outcomes) {
    if (o.verdict != Verdict::kMaybe) continue;
    reasons.push_back(o.reason);
    for (const std::string& m : o.missing) {
      if (std::find(e.missing.begin(), e.missing.end(), m) == e.missing.end()) {
        e.missing.push_back(m);
      }
    }
  }
  if (!reasons.empty()) {
    e.verdict = Verdict::kMaybe;
    e.reason = JoinSentences(reasons);
    return e;
  }
  e.verdict = Verdict::kYes;
  e.reason = scheme.reason_yes;
  return e;
}

}  // namespace

Evaluation EvaluateScheme(const Scheme& scheme, const Context& ctx) {
  std::vector<Outcome> outcomes;
  if (ctx.as_of) {
    // The date alone decides an ended or not yet started scheme, whatever else is wrong.
    if (scheme.valid_to && *ctx.as_of > *scheme.valid_to) {
      return {Verdict::kEnded, EndedText(*scheme.valid_to), {}, std::nullopt, 0};
    }
    if (scheme.valid_from && *ctx.as_of < *scheme.valid_from) {
      return {Verdict::kNo, NotStartedText(*scheme.valid_from), {}, std::nullopt, 0};
    }
  } else if (scheme.valid_from || scheme.valid_to) {
    outcomes.push_back({Verdict::kMaybe, DateUnknownText(), {"as_of"}});
  }
  const bool with_course = ctx.facts.course() != nullptr;
  for (const Criterion& c : scheme.criteria) {
    if (c.about_course() && !with_course) continue;
    outcomes.push_back(Evaluate(c, ctx));
  }
  if (scheme.payment.kind == PaymentKind::kUnpublished) {
    outcomes.push_back({Verdict::kMaybe, scheme.payment.reason, {}});
  }
  const std::optional<Cents> left = CheckCeilings(scheme, ctx, &outcomes);
  std::optional<Cents> amount;
  if (with_course && scheme.payment.kind == PaymentKind::kCourse) {
    amount = CourseAmount(scheme, ctx, left, &outcomes);
  }
  Evaluation e = Combine(scheme, outcomes);
  e.budget_left = left;
  if (e.verdict == Verdict::kYes) e.amount = amount.value_or(0);
  return e;
}

}  // namespace verder::funding::internal
