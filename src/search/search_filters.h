// search/search_filters.h — a SearchQuery's filters compiled to bit masks and numbers that one
// document can be tested against in a few nanoseconds, and the disjunctive facet counters.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>

#include "search/search_query.h"
#include "search/segment.h"

namespace verder {

// Which filter a document fails; faceted filters have their own bit so that a document failing
// exactly one of them still counts in that facet (disjunctive facets).
enum FilterBit : uint32_t {
  kFailLevel = 1U << 0,
  kFailMode = 1U << 1,
  kFailLanguage = 1U << 2,
  kFailRegion = 1U << 3,
  kFailFunding = 1U << 4,
  kFailPrice = 1U << 5,
  kFailOther = 1U << 6,  // not faceted: distance, dates, duration, provider, demo
};

// Price facet buckets, by upper bound in cents (the last is "more", then "unknown").
constexpr std::array<int32_t, 5> kPriceBucketUpper = {0, 25000, 50000, 100000, 250000};
constexpr size_t kPriceBuckets = kPriceBucketUpper.size() + 2;

struct CompiledFilters {
  uint32_t level_mask = 0;  // 0: any
  uint32_t mode_mask = 0;
  uint32_t language_mask = 0;
  uint64_t region_mask = 0;
  uint8_t funding_required = 0;
  int64_t price_min = -1;
  int64_t price_max = -1;
  bool has_point = false;
  float lat = 0;
  float lon = 0;
  float radius_km = 0;
  float lon_scale = 0;  // km per degree of longitude at the query's latitude
  int32_t start_from = 0;
  int32_t start_to = 0;
  bool has_start_window = false;
  int32_t duration_max = -1;
  int32_t load_max = -1;
  bool include_demo = true;
  std::vector<ProviderId> providers;  // sorted
  std::vector<CourseId> only_ids;     // sorted
  std::vector<CourseId> exclude_ids;  // sorted
  int32_t today = 0;
  bool has_other = false;  // any filter behind kFailOther is set
};

// Fails with an Error naming the parameter (e.g. an unknown postcode) .
Result<CompiledFilters> CompileFilters(const SearchQuery& q, const GeoIndex& geo);

uint32_t FailMask(const Segment& s, uint32_t doc, const CompiledFilters& f);

// The faceted filters `x` (a DocRow or a FacetKey) fails, price aside.
template <typename Facts>
uint32_t FacetFailMask(const Facts& x, const CompiledFilters& f) {
  uint32_t fail = 0;
  if (f.level_mask != 0 && (f.level_mask & (1U << x.level)) == 0) fail |= kFailLevel;
  if (f.mode_mask != 0 && (f.mode_mask & (1U << x.mode)) == 0) fail |= kFailMode;
  if (f.language_mask != 0 && (f.language_mask & (1U << x.language)) == 0) fail |= kFailLanguage;
  if (f.region_mask != 0 && (f.region_mask & x.region_mask) == 0) fail |= kFailRegion;
  if ((x.funding & f.funding_required) != f.funding_required) fail |= kFailFunding;
  return fail;
}

inline bool HasPriceFilter(const CompiledFilters& f) {
  return f.price_min >= 0 || f.price_max >= 0;
}
inline bool FailsPrice(int32_t price_cents, const CompiledFilters& f) {
  return price_cents < 0 || (f.price_min >= 0 && price_cents < f.price_min) ||
         (f.price_max >= 0 && price_cents > f.price_max);
}
// The squared distance in km² from the query point to offering `o` (which has a place: its
// latitude is not NaN). Equirectangular: within 0.5% of the great circle at the scale of the
// Netherlands. The one formula of the radius filter, the distance sort and the distance shown.
inline float SquaredKmToOffering(const Segment& s, uint32_t o, const CompiledFilters& f) {
  constexpr float kKmPerDegreeLatitude = 110.57F;
  const float dy = (s.offering_lat[o] - f.lat) * kKmPerDegreeLatitude;
  const float dx = (s.offering_lon[o] - f.lon) * f.lon_scale;
  return dx * dx + dy * dy;
}
// Smallest distance from the query point to an offering with a place; NaN when none.
float NearestKm(const Segment& s, uint32_t doc, const CompiledFilters& f);
size_t PriceBucket(int32_t price_cents);

struct FacetCounts {
  std::array<int64_t, 16> level{};
  std::array<int64_t, 8> mode{};
  std::array<int64_t, 8> language{};
  std::array<int64_t, 64> region{};
  std::array<int64_t, 8> funding{};
  std::array<int64_t, kPriceBuckets> price{};

  // Counts `doc` in every facet whose own filter is the only one it fails (or in all, for 0).
  void Add(const Segment::DocRow& row, uint32_t fail_mask) { AddN(row, fail_mask, 1); }
  // The same for `n` documents with the facts of `x` (a DocRow or a FacetKey).
  template <typename Facts>
  void AddN(const Facts& x, uint32_t fail, int64_t n);
};

template <typename Facts>
void FacetCounts::AddN(const Facts& x, uint32_t fail, int64_t n) {
  const bool all = fail == 0;
  if (all || fail == kFailLevel) level[x.level & 15U] += n;
  if (all || fail == kFailMode) mode[x.mode & 7U] += n;
  if (all || fail == kFailLanguage) language[x.language & 7U] += n;
  if (all || fail == kFailRegion) {
    for (uint64_t m = x.region_mask; m != 0; m &= m - 1)
      region[static_cast<size_t>(__builtin_ctzll(m))] += n;
  }
  if (all || fail == kFailFunding) {
    for (uint32_t m = x.funding; m != 0; m &= m - 1)
      funding[static_cast<size_t>(__builtin_ctz(m))] += n;
  }
  if (all || fail == kFailPrice) price[x.price_bucket] += n;
}

}  // namespace verder
