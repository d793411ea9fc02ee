#include "search/search_filters.h"

#include <algorithm>
#include <limits>

namespace verder {

size_t PriceBucket(int32_t price_cents) {
  if (price_cents < 0) return kPriceBuckets - 1;
  for (size_t i = 0; i < kPriceBucketUpper.size(); ++i) {
    if (price_cents <= kPriceBucketUpper[i]) return i;
  }
  return kPriceBucketUpper.size();
}

Result<CompiledFilters> CompileFilters(const SearchQuery& q, const GeoIndex& geo) {
  CompiledFilters f;
  for (Level l : q.levels) f.level_mask |= 1U << static_cast<unsigned>(l);
  for (DeliveryMode m : q.modes) f.mode_mask |= 1U << static_cast<unsigned>(m);
  for (const std::string& lang : q.languages) f.language_mask |= 1U << Segment::LanguageIndex(lang);
  for (int r : q.regions) {
    if (r < 1 || r > 64 || geo.FindRegion(r) == nullptr) {
      return InvalidArgument("region", "unknown labour-market region " + std::to_string(r));
    }
    f.region_mask |= uint64_t{1} << (r - 1);
  }
  f.funding_required = static_cast<uint8_t>(q.funding_flags);
  if (q.price_min) f.price_min = *q.price_min;
  if (q.price_max) f.price_max = *q.price_max;
  if (!q.near_pc4.empty()) {
    const Postcode4* pc = geo.FindPostcode(q.near_pc4);
    if (pc == nullptr) return InvalidArgument("near", "unknown postcode " + q.near_pc4);
    f.has_point = true;
    f.lat = static_cast<float>(pc->lat);
    f.lon = static_cast<float>(pc->lon);
    f.lon_scale = 111.32F * std::cos(f.lat * 3.14159265F / 180.0F);
    f.radius_km = static_cast<float>(q.radius_km);
  } else if (q.radius_km > 0) {
    return InvalidArgument("radius_km", "a radius needs a postcode (near)");
  }
  if (q.start_from || q.start_to) {
    f.has_start_window = true;
    f.start_from =
        q.start_from ? q.start_from->days_since_epoch() : std::numeric_limits<int32_t>::min() + 1;
    f.start_to = q.start_to ? q.start_to->days_since_epoch() : std::numeric_limits<int32_t>::max();
  }
  if (q.duration_weeks_max) f.duration_max = *q.duration_weeks_max;
  if (q.study_load_hours_max) f.load_max = *q.study_load_hours_max;
  f.include_demo = q.include_demo;
  f.providers = q.providers;
  std::sort(f.providers.begin(), f.providers.end());
  f.only_ids = q.only_ids;
  std::sort(f.only_ids.begin(), f.only_ids.end());
  f.exclude_ids = q.exclude_ids;
  std::sort(f.exclude_ids.begin(), f.exclude_ids.end());
  f.today = q.today.days_since_epoch();
  f.has_other = !f.include_demo || f.duration_max >= 0 || f.load_max >= 0 || !f.providers.empty() ||
                !f.only_ids.empty() || !f.exclude_ids.empty() || f.has_start_window ||
                (f.has_point && f.radius_km > 0);
  return f;
}

float NearestKm(const Segment& s, uint32_t doc, const CompiledFilters& f) {
  float best = std::numeric_limits<float>::quiet_NaN();
  for (uint32_t o = s.offering_begin[doc]; o < s.offering_begin[doc + 1]; ++o) {
    if (std::isnan(s.offering_lat[o])) continue;
    const float d = std::sqrt(SquaredKmToOffering(s, o, f));
    if (std::isnan(best) || d < best) best = d;
  }
  return best;
}

namespace {

// Whether an offering with a place lies within the radius: the radius filter's question needs no
// square root and stops at the first offering near enough.
bool AnyOfferingWithin(const Segment& s, uint32_t doc, const CompiledFilters& f) {
  const float squared_radius = f.radius_km * f.radius_km;
  for (uint32_t o = s.offering_begin[doc]; o < s.offering_begin[doc + 1]; ++o) {
    if (std::isnan(s.offering_lat[o])) continue;
    if (SquaredKmToOffering(s, o, f) <= squared_radius) return true;
  }
  return false;
}

bool StartsInWindow(const Segment& s, uint32_t doc, const CompiledFilters& f) {
  for (uint32_t o = s.offering_begin[doc]; o < s.offering_begin[doc + 1]; ++o) {
    const int32_t start = s.offering_start[o];
    if (start == kStartAnyTime || (start >= f.start_from && start <= f.start_to)) return true;
  }
  return false;
}

bool PassesOther(const Segment& s, uint32_t doc, const Segment::DocRow& row,
                 const CompiledFilters& f) {
  if (!f.include_demo && row.is_demo != 0) return false;
  if (f.duration_max >= 0 && row.duration_weeks > f.duration_max) return false;
  if (f.load_max >= 0 && row.study_load_hours > f.load_max) return false;
  if (!f.providers.empty() &&
      !std::binary_search(f.providers.begin(), f.providers.end(), s.provider_id[doc])) {
    return false;
  }
  if (!f.only_ids.empty() &&
      !std::binary_search(f.only_ids.begin(), f.only_ids.end(), row.course_id)) {
    return false;
  }
  if (!f.exclude_ids.empty() &&
      std::binary_search(f.exclude_ids.begin(), f.exclude_ids.end(), row.course_id)) {
    return false;
  }
  if (f.has_start_window && !StartsInWindow(s, doc, f)) return false;
  if (f.has_point && f.radius_km > 0) {
    // Online and self-paced courses can be followed from anywhere: they pass the radius.
    const auto mode = static_cast<DeliveryMode>(row.mode);
    if (mode != DeliveryMode::kOnline && mode != DeliveryMode::kSelfPaced) {
      if (!AnyOfferingWithin(s, doc, f)) return false;
    }
  }
  return true;
}

}  // namespace

uint32_t FailMask(const Segment& s, uint32_t doc, const CompiledFilters& f) {
  const Segment::DocRow& row = s.rows[doc];
  uint32_t fail = FacetFailMask(row, f);
  if (HasPriceFilter(f) && FailsPrice(row.price_cents, f)) fail |= kFailPrice;
  if (f.has_other && !PassesOther(s, doc, row, f)) fail |= kFailOther;
  return fail;
}

}  // namespace verder
