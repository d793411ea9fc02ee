// web/pages/site_pages.h — the server-rendered site, in Dutch (/) and English (/en/).
//
//   /                 /en/                home: one search box, entry points
//   /zoeken           /en/search          results with filters and facets (a GET form)
//   /opleiding/{id}   /en/course/{id}     everything about one course, with JSON-LD, similar
//                                         courses and what others also viewed
//   /vergelijken      /en/compare         up to four courses side by side (?id=1&id=2)
//   /hulp             /en/help            postcode → region → the regional desk
//   /betalen          /en/funding         six questions → which schemes apply, net cost
//   /betalen/bewaren  /en/funding/save    (POST) save the answers, with consent: get a code
//   /betalen/ophalen  /en/funding/restore the code → the answers again, or delete them
//   /ontwikkelaars    /en/developers      the API, from its OpenAPI document
//   /opleiding/{id}/melden  /en/course/{id}/report   the complaint form (POST), and its answers
//   /static/...                           our CSS and the optional autocomplete script
// Every page works without JavaScript; no cookies; all words from data/i18n.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "auth/form_tokens.h"
#include "catalog/geo.h"
#include "catalog/help_desks.h"
#include "core/date.h"
#include "funding/scheme_registry.h"
#include "insight/view_stats.h"
#include "search/search_index.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/rate_limiter.h"
#include "web/router.h"

namespace verder {

struct SiteDeps {
  Store* store;
  const SearchIndex* index;
  const GeoIndex* geo;
  const Translations* words;
  const Clock* clock;
  ViewStats* views;        // anonymous counters behind "popular" and "others also viewed"
  const HelpDesks* desks;  // the regional desks, data the operator maintains
  const funding::SchemeRegistry* funding;      // the rules in force: a snapshot per request
  const nlohmann::json* openapi = nullptr;     // the API description, for the developers' page
  const FormTokens* form_tokens = nullptr;     // proves a complaint form was ours
  RateLimiter* complaint_limit = nullptr;      // complaints per client address
  RateLimiter* saved_answers_limit = nullptr;  // saves, restores and deletes per address
};

void AddSitePages(const SiteDeps& deps, Router* router);

// The HTML 404 page, for paths outside /api/.
HttpResponse NotFoundPage(const Translations& words, const std::string& path);

}  // namespace verder
