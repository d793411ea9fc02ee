#include "funding/internal/stacking.h"

#include <algorithm>
#include <numeric>

#include "funding/internal/texts.h"

namespace verder::funding::internal {
namespace {

bool Names(const StackingRule& rule, const std::string& id) {
  return std::find(rule.schemes.begin(), rule.schemes.end(), id) != rule.schemes.end();
}

// A not-with or undecided-with rule between `a` and `b`, written in either of the two files.
const StackingRule* PairRule(const Scheme& a, const Scheme& b) {
  for (const StackingRule& r : a.stacking) {
    if (r.kind != StackingRule::Kind::kOthersOnlyAbove && Names(r, b.id)) return &r;
  }
  for (const StackingRule& r : b.stacking) {
    if (r.kind != StackingRule::Kind::kOthersOnlyAbove && Names(r, a.id)) return &r;
  }
  return nullptr;
}

bool FundedBy(const StackingRule& rule, const Scheme& s) {
  return std::find(rule.funders.begin(), rule.funders.end(), s.funder) != rule.funders.end();
}

}  // namespace

Cents Allocate(const std::vector<Scheme>& schemes, Cents total,
               std::vector<Evaluation>* evaluations) {
  std::vector<Evaluation>& evals = *evaluations;
  std::vector<size_t> order;
  for (size_t i = 0; i < schemes.size(); ++i) {
    if (evals[i].verdict == Verdict::kYes && schemes[i].payment.kind == PaymentKind::kCourse) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return schemes[a].pay_order < schemes[b].pay_order; });
  std::vector<Cents> paid(schemes.size(), 0);
  Cents remaining = total;
  for (const size_t i : order) {
    const Scheme& s = schemes[i];
    Evaluation& e = evals[i];
    const StackingRule* conflict = nullptr;
    for (size_t j = 0; j < schemes.size() && conflict == nullptr; ++j) {
      if (paid[j] > 0) conflict = PairRule(s, schemes[j]);
    }
    if (conflict != nullptr) {
      e.verdict = conflict->kind == StackingRule::Kind::kNotWith ? Verdict::kNo : Verdict::kMaybe;
      e.reason = conflict->reason;
      e.amount = 0;
      continue;
    }
    Cents cap = remaining;
    LocalizedText why_less = AlreadyPaidText();
    for (size_t j = 0; j < schemes.size(); ++j) {
      if (paid[j] == 0) continue;
      for (const StackingRule& r : schemes[j].stacking) {
        if (r.kind != StackingRule::Kind::kOthersOnlyAbove || !FundedBy(r, s)) continue;
        Cents by_those = 0;
        for (size_t k = 0; k < schemes.size(); ++k) {
          if (FundedBy(r, schemes[k])) by_those += paid[k];
        }
        const Cents above = std::max<Cents>(0, total - r.cents - by_those);
        if (above < cap) {
          cap = above;
          why_less = r.reason;
        }
      }
    }
    std::vector<LocalizedText> reason{e.reason};
    if (e.amount > cap) {
      e.amount = cap;
      reason.push_back(why_less);
    }
    if (e.amount > 0) reason.push_back(PaysText(e.amount));
    e.reason = JoinSentences(reason);
    paid[i] = e.amount;
    remaining -= e.amount;
  }
  return std::accumulate(paid.begin(), paid.end(), Cents{0});
}

}  // namespace verder::funding::internal
