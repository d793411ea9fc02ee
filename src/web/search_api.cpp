#include "web/search_api.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "web/funding_net_cost.h"

#include "web/search_params.h"

namespace verder {
namespace {

using nlohmann::json;

json HitJson(const SearchHit& h) {
  return {{"id", h.id},
          {"title", h.title},
          {"provider", h.provider},
          {"provider_id", h.provider_id},
          {"level", LevelName(h.level)},
          {"mode", DeliveryModeName(h.mode)},
          {"price_cents", h.price_cents ? json(*h.price_cents) : json(nullptr)},
          {"net_cost_cents", h.net_cost_cents ? json(*h.net_cost_cents) : json(nullptr)},
          {"next_start", h.next_start ? json(h.next_start->ToString()) : json(nullptr)},
          {"place", h.place},
          {"distance_km", h.distance_km ? json(*h.distance_km) : json(nullptr)},
          {"is_demo", h.is_demo}};
}

HttpResponse Search(const SearchApiDeps& deps, const HttpRequest& request) {
  const Result<SearchQuery> query =
      ParseSearchParams(request.query, *deps.geo, deps.clock->Today(), FundingParamNames());
  if (!query.ok()) return ErrorResponse(query.error());
  SearchQuery search = query.value();
  std::optional<FundingNetCost> model;
  // One version of the rules for the whole request; the net-cost model refers to it.
  const std::shared_ptr<const funding::FundingEngine> engine = deps.funding->Current();
  if (const Status s = UseNetCost(ParseFundingParams(request.query), *engine, deps.clock->Today(),
                                  &model, &search);
      !s.ok()) {
    return ErrorResponse(s.error());
  }
  const SearchResult r = deps.index->Search(search);
  json items = json::array();
  for (const SearchHit& h : r.hits) items.push_back(HitJson(h));
  json facets = json::object();
  for (const Facet& f : r.facets) {
    json values = json::array();
    for (const FacetValue& v : f.values)
      values.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    facets[f.field] = std::move(values);
  }
  const json body = {{"total", r.total},
                     {"page", query.value().page},
                     {"per_page", query.value().per_page},
                     {"items", std::move(items)},
                     {"facets", std::move(facets)},
                     {"suggestion", r.suggestion},
                     {"took_ms", r.took_ms}};
  HttpResponse res =
      HttpResponse::Json(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

HttpResponse Suggest(const SearchApiDeps& deps, const HttpRequest& request) {
  const std::string* q = request.Query("q");
  if (q == nullptr) return ErrorResponse(InvalidArgument("q", "is required"));
  if (q->size() > 200) return ErrorResponse(InvalidArgument("q", "is longer than 200 characters"));
  json list = json::array();
  for (const Suggestion& s : deps.suggester->Suggest(*q, 8))
    list.push_back({{"text", s.text}, {"kind", s.kind}});
  HttpResponse res = HttpResponse::Json(200, json{{"suggestions", std::move(list)}}.dump(
                                                 -1, ' ', false, json::error_handler_t::replace));
  res.headers.emplace_back("Cache-Control", "public, max-age=300");
  return res;
}

}  // namespace

void AddSearchApi(const SearchApiDeps& deps, Router* router) {
  router->Add("GET", "/api/v1/search",
              [deps](const HttpRequest& r, const PathParams&) { return Search(deps, r); });
  router->Add("GET", "/api/v1/suggest",
              [deps](const HttpRequest& r, const PathParams&) { return Suggest(deps, r); });
}

}  // namespace verder
