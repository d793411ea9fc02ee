// funding/internal/evaluate.h — one scheme for one person (and maybe one course), before stacking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "funding/internal/criteria.h"
#include "funding/scheme.h"

namespace verder::funding::internal {

struct Evaluation {
  Verdict verdict = Verdict::kMaybe;
  LocalizedText reason;
  std::vector<std::string> missing;
  std::optional<Cents> budget_left;  // schemes with ceilings, when known and the scheme runs
  Cents amount = 0;                  // yes for a course payment: what it would pay on its own
};

// With a course in `ctx.facts`, course criteria and the payment are decided too; without one
// they are left out (a person-only check).
Evaluation EvaluateScheme(const Scheme& scheme, const Context& ctx);

}  // namespace verder::funding::internal
