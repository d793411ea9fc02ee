// funding/internal/criteria.h — deciding one criterion of a scheme: yes, no or maybe, and why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "funding/internal/facts.h"
#include "funding/scheme.h"

namespace verder::funding::internal {

struct Outcome {
  Verdict verdict = Verdict::kYes;   // kYes, kNo or kMaybe
  LocalizedText reason;              // empty for yes
  std::vector<std::string> missing;  // what we would need to know to decide a maybe
};

struct Context {
  const Facts& facts;
  std::optional<Date> as_of;  // nullopt when the date asked about is not valid
};

Outcome Evaluate(const Criterion& criterion, const Context& ctx);

// Whether the course's price is usable; otherwise the maybe that says why not.
std::optional<Outcome> PriceProblem(const Facts& facts);

// `date` moved by whole calendar months, the day kept where the month has it (else its last day).
Date AddMonths(Date date, int months);

}  // namespace verder::funding::internal
