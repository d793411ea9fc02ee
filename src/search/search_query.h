// search/search_query.h — what a person asks and what the engine answers.
//
//   SearchQuery q;
//   q.text = "verpleegkunde";
//   q.near_pc4 = "3511"; q.radius_km = 25;
//   q.modes = {DeliveryMode::kClassroom};
//   SearchResult r = index.Search(q);   // r.total, r.hits, r.facets, r.suggestion
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"

namespace verder {

enum class SortOrder {
  kRelevance,
  kPriceAscending,
  kPriceDescending,
  kStartDate,
  kDistance,
  kNetCost,  // what it costs the person after funding (needs SearchQuery::net_cost)
};

// What a person's net cost of a course can depend on, as the index holds it. Views point into
// the index and live as long as the call.
struct CourseCostFacts {
  bool stated = true;  // false: the provider gives no price
  Cents registration_cents = 0;
  Cents tuition_cents = 0;
  Cents materials_cents = 0;
  Cents other_cents = 0;
  bool vat_included = true;  // as catalog/course.h CostBreakdown
  bool vat_exempt = false;
  uint32_t funding_flags = 0;  // FundingFlag bits
  std::string_view code_type;  // "crebo", "croho", ...
  int nlqf = 0;                // 0: not placed
  Level level = Level::kNone;
  std::string_view sector;            // as the catalogue writes it
  std::optional<int32_t> start_days;  // the next start (days since epoch); empty: any time
};

// A person's net cost of a course, for filtering and sorting on it. The search module knows no
// funding rules (those live in funding/); the caller supplies them through this interface.
// Called for every matching course, from the searching thread: it must be fast and const.
class NetCostModel {
 public:
  virtual ~NetCostModel() = default;
  // Empty when it cannot be known (no price).
  virtual std::optional<Cents> NetCents(const CourseCostFacts& course) const = 0;
};

struct SearchQuery {
  std::string text;                // free text; empty browses
  std::vector<int> regions;        // labour-market region ids (any of)
  std::string near_pc4;            // with radius_km: offerings within that distance
  double radius_km = 0;            // 0: no distance filter (distance still sorts/shows)
  std::optional<Cents> price_min;  // on the course's total (or an offering's own price)
  std::optional<Cents> price_max;
  std::vector<Level> levels;           // any of
  std::vector<DeliveryMode> modes;     // any of
  std::vector<std::string> languages;  // ISO 639-1, any of
  std::optional<Date> start_from;      // an open offering starting in [from, to]; "start any time"
  std::optional<Date> start_to;        //   offerings match every window
  std::optional<int> duration_weeks_max;
  std::optional<int> study_load_hours_max;
  uint32_t funding_flags = 0;              // all of these FundingFlag bits
  std::vector<ProviderId> providers;       // any of
  std::vector<CourseId> only_ids;          // when not empty: only these courses (e.g. most viewed)
  std::vector<CourseId> exclude_ids;       // never these (e.g. the course a "similar" list is for)
  const NetCostModel* net_cost = nullptr;  // a person's funding: net cost per hit, filter, sort
  std::optional<Cents> net_cost_max;       // only courses costing the person at most this
  bool include_demo = true;
  SortOrder sort = SortOrder::kRelevance;
  int page = 1;       // from 1
  int per_page = 10;  // 1..100
  Date today;         // "next start" is the first open offering on or after today
};

struct SearchHit {
  CourseId id = 0;
  double score = 0;
  std::string title;
  std::string provider;
  ProviderId provider_id = 0;
  Level level = Level::kNone;
  DeliveryMode mode = DeliveryMode::kClassroom;
  std::optional<Cents> price_cents;     // empty when the provider states no price
  std::optional<Date> next_start;       // empty: start any time, or no dates known
  std::string place;                    // of the nearest (or first) offering
  std::optional<double> distance_km;    // when the query gave a postcode
  std::optional<Cents> net_cost_cents;  // with SearchQuery::net_cost, when the price is known
  bool is_demo = false;
};

struct FacetValue {
  std::string value;  // the parameter value: "mbo-2", "online", "12" (region id)
  std::string label;  // for people: "mbo 2", "Online", "Midden-Utrecht"
  int64_t count = 0;
};

struct Facet {
  std::string field;  // the query parameter it belongs to: "level", "mode", "region", ...
  std::vector<FacetValue> values;
};

struct SearchResult {
  int64_t total = 0;
  std::vector<SearchHit> hits;
  std::vector<Facet> facets;
  std::string suggestion;  // "did you mean", when the query found nothing
  double took_ms = 0;
};

}  // namespace verder
