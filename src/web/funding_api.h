// web/funding_api.h — the funding endpoints (issue 7). Nothing is stored; the answers are the
// query string.
//
//   GET /api/v1/funding/check?age=&education=&work=&sector=&postcode=&stap_used=&ppo_used=
//       [&as_of=YYYY-MM-DD][&lang=en]
//     → {as_of, errors: [{field, code, message}],
//        schemes: [{id, name, verdict, reason, missing, budget_left_cents, apply_url}]}
//   GET /api/v1/funding/net-cost?course=ID&…the same…
//     → the same, plus {course: {id, title}, total_cents, net_cost_cents} and per scheme
//       pays_cents. Amounts in euro cents; net_cost_cents is null when the provider states no
//       price.
// Wrong answers are not HTTP errors: they come back in `errors` and make verdicts "maybe". A
// missing or unknown course, or a bad as_of/lang, gets 400/404 {error: {code, field, message}}.
#pragma once

#include "core/date.h"
#include "funding/scheme_registry.h"
#include "store/store.h"
#include "web/router.h"

namespace verder {

struct FundingApiDeps {
  const funding::SchemeRegistry* schemes;  // the rules in force, a snapshot per request
  Store* store;
  const Clock* clock;
};

void AddFundingApi(const FundingApiDeps& deps, Router* router);

}  // namespace verder
