// funding/internal/stacking.h — combining the schemes that pay for one course.
//
// Schemes pay in `pay_order`, each at most what is still unpaid, so together they never pay more
// than the course costs. Stacking rules from the scheme files narrow that further: a scheme that
// may not combine with one already paying gets nothing ("no"), one whose combination the sources
// leave open gets "maybe", and a scheme can limit others (by funder) to the costs above an amount.
#pragma once

#include <vector>

#include "funding/internal/evaluate.h"
#include "funding/scheme.h"

namespace verder::funding::internal {

// `evaluations[i]` belongs to `schemes[i]`. Sets each paying scheme's `amount` to what it pays
// after stacking and adds the amount (or why it pays less) to its reason; returns the sum paid.
Cents Allocate(const std::vector<Scheme>& schemes, Cents total,
               std::vector<Evaluation>* evaluations);

}  // namespace verder::funding::internal
