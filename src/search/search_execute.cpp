// SearchIndex::Search: match the query plan in every segment, filter, count facets, rank, page.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "search/posting_match.h"
#include "search/query_plan.h"
#include "search/ranking.h"
#include "search/search_filters.h"
#include "search/search_index.h"

namespace verder {
namespace {

struct Match {
  float key;  // ascending
  float score;
  uint32_t segment;
  uint32_t doc;
  CourseId id;
};

float SortKey(SortOrder sort, const Segment& s, uint32_t doc, float score, const CompiledFilters& f,
              int32_t next_start, std::optional<Cents> net_cost) {
  constexpr float kLast = std::numeric_limits<float>::max();
  switch (sort) {
    case SortOrder::kNetCost:
      return net_cost ? static_cast<float>(*net_cost) : kLast;
    case SortOrder::kRelevance:
      return -score;
    case SortOrder::kPriceAscending:
      return s.rows[doc].price_cents < 0 ? kLast : static_cast<float>(s.rows[doc].price_cents);
    case SortOrder::kPriceDescending:
      return s.rows[doc].price_cents < 0 ? kLast : -static_cast<float>(s.rows[doc].price_cents);
    case SortOrder::kStartDate:
      return next_start == Segment::kNoStart ? kLast : static_cast<float>(next_start);
    case SortOrder::kDistance: {
      const float km = f.has_point ? NearestKm(s, doc, f) : std::numeric_limits<float>::quiet_NaN();
      return std::isnan(km) ? kLast : km;
    }
  }
  return 0;
}

// The facts a NetCostModel reads, from the document's columns.
CourseCostFacts CostFactsOf(const Segment& s, uint32_t doc, int32_t next_start) {
  const Segment::CostColumns& c = s.cost[doc];
  const Segment::DocRow& row = s.rows[doc];
  CourseCostFacts facts;
  facts.stated = row.price_cents >= 0;
  facts.registration_cents = c.registration;
  facts.tuition_cents = c.tuition;
  facts.materials_cents = c.materials;
  facts.other_cents = c.other;
  facts.vat_included = c.vat_included;
  facts.vat_exempt = c.vat_exempt;
  facts.funding_flags = row.funding;
  facts.code_type = s.strings[c.code_type_id];
  facts.nlqf = c.nlqf;
  facts.level = static_cast<Level>(row.level);
  facts.sector = s.strings[c.sector_id];
  if (next_start != Segment::kNoStart) facts.start_days = next_start;
  return facts;
}

float RelevanceWithBoosts(bool is_demo, float score, int32_t next_start, int32_t today) {
  if (is_demo) score *= ranking::kDemoFactor;
  if (next_start != Segment::kNoStart && next_start - today <= ranking::kStartsSoonDays)
    score += ranking::kStartsSoonBoost;
  return score;
}

const char* PriceBucketName(size_t bucket) {
  static constexpr const char* kNames[kPriceBuckets] = {"0",         "0-250", "250-500", "500-1000",
                                                        "1000-2500", "2500+", "unknown"};
  return kNames[bucket];
}

std::vector<Facet> BuildFacets(const FacetCounts& c, const GeoIndex& geo) {
  std::vector<Facet> facets;
  Facet level{"level", {}};
  for (size_t i = 0; i < c.level.size(); ++i) {
    if (c.level[i] > 0)
      level.values.push_back(
          {LevelName(static_cast<Level>(i)), LevelName(static_cast<Level>(i)), c.level[i]});
  }
  Facet mode{"mode", {}};
  for (size_t i = 0; i < c.mode.size(); ++i) {
    if (c.mode[i] > 0)
      mode.values.push_back({DeliveryModeName(static_cast<DeliveryMode>(i)),
                             DeliveryModeName(static_cast<DeliveryMode>(i)), c.mode[i]});
  }
  Facet lang{"lang", {}};
  for (size_t i = 0; i < std::size(Segment::kLanguageCodes); ++i) {
    if (c.language[i] > 0)
      lang.values.push_back(
          {Segment::kLanguageCodes[i], Segment::kLanguageCodes[i], c.language[i]});
  }
  Facet region{"region", {}};
  for (size_t i = 0; i < c.region.size(); ++i) {
    const LabourMarketRegion* r = geo.FindRegion(static_cast<int>(i) + 1);
    if (c.region[i] > 0 && r != nullptr)
      region.values.push_back({std::to_string(i + 1), r->name, c.region[i]});
  }
  Facet funding{"funding", {}};
  for (size_t i = 0; i < c.funding.size(); ++i) {
    const std::vector<std::string> names = FundingFlagNames(1U << i);
    if (c.funding[i] > 0 && !names.empty())
      funding.values.push_back({names[0], names[0], c.funding[i]});
  }
  Facet price{"price", {}};
  for (size_t i = 0; i < kPriceBuckets; ++i) {
    if (c.price[i] > 0)
      price.values.push_back({PriceBucketName(i), PriceBucketName(i), c.price[i]});
  }
  for (Facet* f : {&level, &mode, &lang, &region, &funding, &price})
    facets.push_back(std::move(*f));
  return facets;
}

// The best `end` matches so far, worst on top (a max-heap by sort order): a query keeps the page
// it shows, not every match, and most matches are rejected with one comparison.
class BestMatches {
 public:
  explicit BestMatches(size_t end) : end_(end) { heap_.reserve(std::min<size_t>(end, 4096)); }

  bool full() const { return heap_.size() >= end_; }
  const Match& worst() const { return heap_.front(); }
  void Offer(const Match& m) {
    if (heap_.size() < end_) {
      heap_.push_back(m);
      std::push_heap(heap_.begin(), heap_.end(), Before);
    } else if (Before(m, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), Before);
      heap_.back() = m;
      std::push_heap(heap_.begin(), heap_.end(), Before);
    }
  }
  // Best first.
  std::vector<Match> Sorted() && {
    std::sort_heap(heap_.begin(), heap_.end(), Before);
    return std::move(heap_);
  }

 private:
  static bool Before(const Match& a, const Match& b) {
    return a.key != b.key ? a.key < b.key : a.id < b.id;
  }
  size_t end_;
  std::vector<Match> heap_;
};

// The common case — relevance order, no filter beyond the faceted ones and price — counted per
// facet key instead of per document: a matching document costs a deletion test, one counter and
// one comparison with the page's worst score, and only one that can still enter the page reads
// its row. `for_each(visit)` calls `visit(doc, score)` for every matching document.
template <typename ForEach>
void CountByFacetKey(const Segment& s, uint32_t si, const Bitmap& deleted, const int32_t* starts,
                     const CompiledFilters& f, ForEach for_each, FacetCounts* facets,
                     int64_t* total, BestMatches* best) {
  // Two counters per key: documents within the price filter, and those outside it. Reused per
  // thread and left at zero: only the counters this query touched are read and reset.
  thread_local std::vector<uint32_t> counts;
  thread_local std::vector<uint32_t> touched;
  if (counts.size() < s.facet_keys.size() * 2) counts.resize(s.facet_keys.size() * 2, 0);
  touched.clear();
  const bool price_filter = HasPriceFilter(f);
  for_each([&](uint32_t doc, float score) {
    if (TestBit(deleted, doc)) return;
    const uint32_t key = s.facet_key[doc];
    const bool outside_price = price_filter && FailsPrice(s.facet_price[doc], f);
    const uint32_t slot = key * 2 + (outside_price ? 1 : 0);
    if (counts[slot]++ == 0) touched.push_back(slot);
    // The page's worst has a key of minus its relevance, and boosts add at most this much.
    if (best->full() && score + ranking::kStartsSoonBoost < -best->worst().key) return;
    const Segment::FacetKey& facts = s.facet_keys[key];
    if (outside_price || FacetFailMask(facts, f) != 0) return;
    const float relevance = RelevanceWithBoosts(facts.is_demo != 0, score, starts[doc], f.today);
    best->Offer({-relevance, relevance, si, doc, s.rows[doc].course_id});
  });
  for (const uint32_t slot : touched) {
    const Segment::FacetKey& key = s.facet_keys[slot / 2];
    const uint32_t fail = FacetFailMask(key, f) | ((slot % 2) != 0 ? kFailPrice : 0U);
    const uint32_t n = counts[slot];
    counts[slot] = 0;
    if (fail != 0 && (fail & (fail - 1)) != 0) continue;  // fails two faceted filters
    facets->AddN(key, fail, n);
    if (fail == 0) *total += n;
  }
}

SearchHit MakeHit(const Segment& s, uint32_t doc, float score, const CompiledFilters& f,
                  int32_t next_start) {
  const Segment::DocRow& row = s.rows[doc];
  SearchHit h;
  h.id = row.course_id;
  h.score = score;
  h.title = s.strings[s.title_id[doc]];
  h.provider = s.strings[s.provider_name_id[doc]];
  h.provider_id = s.provider_id[doc];
  h.level = static_cast<Level>(row.level);
  h.mode = static_cast<DeliveryMode>(row.mode);
  if (row.price_cents >= 0) h.price_cents = row.price_cents;
  if (next_start != Segment::kNoStart) h.next_start = Date::FromDays(next_start);
  h.is_demo = row.is_demo != 0;
  // The place shown is the nearest offering's when a postcode was given, else the first.
  float best = std::numeric_limits<float>::max();
  for (uint32_t o = s.offering_begin[doc]; o < s.offering_begin[doc + 1]; ++o) {
    const std::string& place = s.strings[s.offering_place_id[o]];
    if (place.empty()) continue;
    if (!f.has_point || std::isnan(s.offering_lat[o])) {
      if (h.place.empty()) h.place = place;
      continue;
    }
    const float km = std::sqrt(SquaredKmToOffering(s, o, f));
    if (km < best) {
      best = km;
      h.place = place;
      h.distance_km = std::round(km * 10.0F) / 10.0F;
    }
  }
  return h;
}

}  // namespace

SearchResult SearchIndex::Search(const SearchQuery& query) const {
  const auto started = std::chrono::steady_clock::now();
  SearchResult result;
  const std::shared_ptr<const Snapshot> snap = snapshot();
  Result<CompiledFilters> compiled = CompileFilters(query, *geo_);
  if (!compiled.ok()) return result;  // callers validate first; an unknown value matches nothing
  const CompiledFilters& f = compiled.value();
  std::vector<const Segment*> segments;
  double total_docs = 0;
  for (const SegmentView& v : snap->segments) {
    segments.push_back(v.segment.get());
    total_docs += v.segment->size();
  }
  const QueryPlan plan = PlanQuery(query.text, *analysis_, segments);
  IdfTable idf(segments, total_docs);
  FacetCounts facets;
  const bool wants_net_cost =
      query.net_cost != nullptr && (query.net_cost_max || query.sort == SortOrder::kNetCost);
  const int per_page = std::clamp(query.per_page, 1, 100);
  const size_t offset =
      static_cast<size_t>(std::max(0, query.page - 1)) * static_cast<size_t>(per_page);
  BestMatches best(offset + static_cast<size_t>(per_page));
  const bool by_facet_key = query.sort == SortOrder::kRelevance && !f.has_other && !wants_net_cost;
  const bool price_filter = HasPriceFilter(f);
  int64_t total = 0;
  std::vector<std::shared_ptr<const std::vector<int32_t>>> next_starts;
  for (uint32_t si = 0; si < snap->segments.size(); ++si) {
    const Segment& s = *snap->segments[si].segment;
    const Bitmap& deleted = *snap->segments[si].deleted;
    next_starts.push_back(s.NextStarts(f.today));
    const int32_t* starts = next_starts.back()->data();
    const auto consider = [&](uint32_t doc, float score) {
      if (TestBit(deleted, doc)) return;
      const uint32_t fail = FailMask(s, doc, f);
      if ((fail & kFailOther) != 0) return;
      if (fail != 0 && (fail & (fail - 1)) != 0) return;  // fails two faceted filters
      // The person's net cost: only when asked for, and only for documents still in the running.
      std::optional<Cents> net;
      if (wants_net_cost) {
        net = query.net_cost->NetCents(CostFactsOf(s, doc, starts[doc]));
        if (query.net_cost_max && (!net || *net > *query.net_cost_max)) return;
      }
      const Segment::DocRow& row = s.rows[doc];
      facets.Add(row, fail);
      if (fail != 0) return;
      ++total;
      const float relevance = RelevanceWithBoosts(row.is_demo != 0, score, starts[doc], f.today);
      best.Offer({SortKey(query.sort, s, doc, relevance, f, starts[doc], net), relevance, si, doc,
                  row.course_id});
    };
    // Reused per thread: allocating a list this long would cost page faults on every query.
    thread_local ScoredList matched;
    if (!plan.groups.empty()) MatchPlan(s, plan, &idf, &matched);
    const auto each_match = [&](auto visit) {
      if (plan.groups.empty()) {
        for (uint32_t doc = 0; doc < s.size(); ++doc) visit(doc, 0.0F);
        return;
      }
      // The matched documents are scattered over the segment: ask for what they read a few
      // documents ahead, so the memory fetch overlaps the work on the current one.
      constexpr size_t kPrefetchAhead = 12;
      // A distance filter reads each document's offerings, found through offering_begin: that is
      // asked for first, the places themselves half as far ahead, once the index has arrived.
      constexpr size_t kPlacesAhead = kPrefetchAhead / 2;
      const bool reads_places = !by_facet_key && f.has_point;
      for (size_t i = 0; i < matched.size(); ++i) {
        if (i + kPrefetchAhead < matched.size()) {
          const uint32_t ahead = matched[i + kPrefetchAhead].doc;
          if (by_facet_key) {
            __builtin_prefetch(&s.facet_key[ahead]);
            if (price_filter) __builtin_prefetch(&s.facet_price[ahead]);
          } else {
            __builtin_prefetch(&s.rows[ahead]);
            __builtin_prefetch(&starts[ahead]);
            if (reads_places) __builtin_prefetch(&s.offering_begin[ahead]);
          }
        }
        if (reads_places && i + kPlacesAhead < matched.size()) {
          const uint32_t first = s.offering_begin[matched[i + kPlacesAhead].doc];
          __builtin_prefetch(s.offering_lat.data() + first);  // one past the end: no load
          __builtin_prefetch(s.offering_lon.data() + first);
        }
        visit(matched[i].doc, matched[i].score);
      }
    };
    if (by_facet_key) {
      CountByFacetKey(s, si, deleted, starts, f, each_match, &facets, &total, &best);
    } else {
      each_match(consider);
    }
  }
  result.total = total;
  const std::vector<Match> page = std::move(best).Sorted();
  for (size_t i = offset; i < page.size(); ++i) {
    const Match& m = page[i];
    const Segment& s = *snap->segments[m.segment].segment;
    const int32_t next_start = (*next_starts[m.segment])[m.doc];
    result.hits.push_back(MakeHit(s, m.doc, m.score, f, next_start));
    if (query.net_cost != nullptr)
      result.hits.back().net_cost_cents =
          query.net_cost->NetCents(CostFactsOf(s, m.doc, next_start));
  }
  result.facets = BuildFacets(facets, *geo_);
  if (result.total == 0 && !plan.groups.empty())
    result.suggestion = SuggestCorrection(query.text, *analysis_, segments);
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace verder
