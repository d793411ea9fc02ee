// web/search_api.h — the search endpoints.
//
//   GET /api/v1/search?q=&region=&near=&radius_km=&price_min=&price_max=&level=&mode=&lang=
//       &start_from=&start_to=&funding=&provider=&sort=&page=&per_page=
//       [&age=&education=&work=&sector=&postcode=&stap_used=&ppo_used= &net_max=, sort=net]
//     → {total, page, per_page, items: [{id, title, provider, level, mode, price_cents,
//        next_start, place, distance_km, is_demo}], facets: {field: [{value, label, count}]},
//        suggestion, took_ms}
//   GET /api/v1/suggest?q=   → {suggestions: [{text, kind}]}
// A wrong parameter gets 400 {error: {code, field, message}} naming it.
#pragma once

#include "catalog/geo.h"
#include "core/date.h"
#include "funding/scheme_registry.h"
#include "search/search_index.h"
#include "search/suggester.h"
#include "web/router.h"

namespace verder {

struct SearchApiDeps {
  const SearchIndex* index;
  const Suggester* suggester;
  const GeoIndex* geo;
  const Clock* clock;
  const funding::SchemeRegistry* funding;  // net cost per hit when the person's answers are given
};

void AddSearchApi(const SearchApiDeps& deps, Router* router);

}  // namespace verder
