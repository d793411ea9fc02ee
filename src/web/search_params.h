// web/search_params.h — the search parameters of a URL (API and results page alike) turned into
// a SearchQuery, with an Error naming the parameter when one is wrong.
//
//   Result<SearchQuery> q = ParseSearchParams(request.query, geo, today);
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catalog/geo.h"
#include "core/status.h"
#include "search/search_query.h"

namespace verder {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Accepted: q, region, near, radius_km, price_min, price_max (euros), level, mode, lang,
// start_from, start_to, funding, provider, duration_max (weeks), load_max (hours), demo (0/1),
// sort (relevance|price|-price|start|distance), page, per_page (1..100). List parameters may be
// repeated or comma-separated. Parameters in `ignored` (e.g. the page's own "taal") pass.
Result<SearchQuery> ParseSearchParams(const QueryParams& params, const GeoIndex& geo, Date today,
                                      const std::vector<std::string>& ignored = {});

// The inverse, for links: only non-default values, in a fixed order.
QueryParams SearchParamsOf(const SearchQuery& query);

}  // namespace verder
