// SearchIndex::Search: match the query plan in every segment, filter, count facets, rank, page.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "search/query_plan.h"
#include "search/ranking.h"
#include "search/search_filters.h"
#include "search/search_index.h"

namespace verder {
namespace {

struct Scored {
  uint32_t doc;
  float score;
};
using ScoredList = std::vector<Scored>;

// Inverse document frequency over the whole index (all segments).
class IdfTable {
 public:
  IdfTable(const std::vector<const Segment*>& segments, double total_docs)
      : segments_(segments), total_(std::max(1.0, total_docs)) {}
  float Idf(const std::string& term) {
    const auto it = cache_.find(term);
    if (it != cache_.end()) return it->second;
    double df = 0;
    for (const Segment* s : segments_) df += s->DocFrequency(term);
    const auto idf = static_cast<float>(std::log(1.0 + (total_ - df + 0.5) / (df + 0.5)));
    cache_.emplace(term, idf);
    return idf;
  }

 private:
  const std::vector<const Segment*>& segments_;
  double total_;
  std::unordered_map<std::string, float> cache_;
};

ScoredList Intersect(const ScoredList& a, const ScoredList& b) {
  ScoredList out;
  const ScoredList& small = a.size() <= b.size() ? a : b;
  const ScoredList& large = a.size() <= b.size() ? b : a;
  out.reserve(small.size());
  auto it = large.begin();
  for (const Scored& x : small) {
    // Galloping would help for very skewed sizes; lower_bound from the last position is close.
    it = std::lower_bound(it, large.end(), x.doc,
                          [](const Scored& s, uint32_t d) { return s.doc < d; });
    if (it == large.end()) break;
    if (it->doc == x.doc) out.push_back({x.doc, x.score + it->score});
  }
  return out;
}

ScoredList UnionMax(const ScoredList& a, const ScoredList& b) {
  ScoredList out;
  out.reserve(a.size() + b.size());
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].doc < b[j].doc)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].doc < a[i].doc) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].doc, std::max(a[i].score, b[j].score)});
      ++i;
      ++j;
    }
  }
  return out;
}

ScoredList TermList(const Segment& s, const std::string& term, float weight, IdfTable* idf) {
  const PostingList p = s.Postings(term);
  ScoredList out(p.size);
  const float factor = weight * idf->Idf(term) / 255.0F;
  for (uint32_t k = 0; k < p.size; ++k)
    out[k] = {p.docs[k], factor * static_cast<float>(p.impacts[k])};
  return out;
}

ScoredList GroupList(const Segment& s, const WordGroup& group, IdfTable* idf) {
  ScoredList result;
  bool first = true;
  for (const TermVariant& v : group.variants) {
    ScoredList list = TermList(s, v.terms[0], v.weight, idf);
    for (size_t t = 1; t < v.terms.size() && !list.empty(); ++t) {
      list = Intersect(list, TermList(s, v.terms[t], v.weight, idf));
    }
    result = first ? std::move(list) : UnionMax(result, list);
    first = false;
  }
  return result;
}

void AddBigramBoost(const Segment& s, const std::string& bigram, IdfTable* idf,
                    ScoredList* candidates) {
  const PostingList p = s.Postings(bigram);
  if (p.size == 0) return;
  const float factor = ranking::kTitleBigramBoost * idf->Idf(bigram) / 255.0F;
  uint32_t k = 0;
  for (Scored& c : *candidates) {
    while (k < p.size && p.docs[k] < c.doc) ++k;
    if (k == p.size) break;
    if (p.docs[k] == c.doc) c.score += factor * static_cast<float>(p.impacts[k]);
  }
}

struct Match {
  float key;  // ascending
  float score;
  uint32_t segment;
  uint32_t doc;
  CourseId id;
};

float SortKey(SortOrder sort, const Segment& s, uint32_t doc, float score, const CompiledFilters& f,
              std::optional<Cents> net_cost) {
  constexpr float kLast = std::numeric_limits<float>::max();
  switch (sort) {
    case SortOrder::kNetCost:
      return net_cost ? static_cast<float>(*net_cost) : kLast;
    case SortOrder::kRelevance:
      return -score;
    case SortOrder::kPriceAscending:
      return s.price_cents[doc] < 0 ? kLast : static_cast<float>(s.price_cents[doc]);
    case SortOrder::kPriceDescending:
      return s.price_cents[doc] < 0 ? kLast : -static_cast<float>(s.price_cents[doc]);
    case SortOrder::kStartDate: {
      const std::optional<int32_t> next = NextStart(s, doc, f.today);
      return next ? static_cast<float>(*next) : kLast;
    }
    case SortOrder::kDistance: {
      const float km = f.has_point ? NearestKm(s, doc, f) : std::numeric_limits<float>::quiet_NaN();
      return std::isnan(km) ? kLast : km;
    }
  }
  return 0;
}

// The facts a NetCostModel reads, from the document's columns.
CourseCostFacts CostFactsOf(const Segment& s, uint32_t doc, int32_t today) {
  const Segment::CostColumns& c = s.cost[doc];
  CourseCostFacts facts;
  facts.stated = s.price_cents[doc] >= 0;
  facts.registration_cents = c.registration;
  facts.tuition_cents = c.tuition;
  facts.materials_cents = c.materials;
  facts.other_cents = c.other;
  facts.vat_included = c.vat_included;
  facts.vat_exempt = c.vat_exempt;
  facts.funding_flags = s.funding[doc];
  facts.code_type = s.strings[c.code_type_id];
  facts.nlqf = c.nlqf;
  facts.level = static_cast<Level>(s.level[doc]);
  facts.sector = s.strings[c.sector_id];
  facts.start_days = NextStart(s, doc, today);
  return facts;
}

float RelevanceWithBoosts(const Segment& s, uint32_t doc, float score, int32_t today) {
  if (s.is_demo[doc] != 0) score *= ranking::kDemoFactor;
  const std::optional<int32_t> next = NextStart(s, doc, today);
  if (next && *next - today <= ranking::kStartsSoonDays) score += ranking::kStartsSoonBoost;
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

SearchHit MakeHit(const Segment& s, uint32_t doc, float score, const CompiledFilters& f) {
  SearchHit h;
  h.id = s.course_id[doc];
  h.score = score;
  h.title = s.strings[s.title_id[doc]];
  h.provider = s.strings[s.provider_name_id[doc]];
  h.provider_id = s.provider_id[doc];
  h.level = static_cast<Level>(s.level[doc]);
  h.mode = static_cast<DeliveryMode>(s.mode[doc]);
  if (s.price_cents[doc] >= 0) h.price_cents = s.price_cents[doc];
  if (const std::optional<int32_t> next = NextStart(s, doc, f.today))
    h.next_start = Date::FromDays(*next);
  h.is_demo = s.is_demo[doc] != 0;
  // The place shown is the nearest offering's when a postcode was given, else the first.
  float best = std::numeric_limits<float>::max();
  for (uint32_t o = s.offering_begin[doc]; o < s.offering_begin[doc + 1]; ++o) {
    const std::string& place = s.strings[s.offering_place_id[o]];
    if (place.empty()) continue;
    if (!f.has_point || std::isnan(s.offering_lat[o])) {
      if (h.place.empty()) h.place = place;
      continue;
    }
    const float dy = (s.offering_lat[o] - f.lat) * 110.57F;
    const float dx = (s.offering_lon[o] - f.lon) * f.lon_scale;
    const float km = std::sqrt(dx * dx + dy * dy);
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
  std::vector<Match> matches;
  const bool wants_net_cost =
      query.net_cost != nullptr && (query.net_cost_max || query.sort == SortOrder::kNetCost);
  for (uint32_t si = 0; si < snap->segments.size(); ++si) {
    const Segment& s = *snap->segments[si].segment;
    const Bitmap& deleted = *snap->segments[si].deleted;
    const auto consider = [&](uint32_t doc, float score) {
      if (TestBit(deleted, doc)) return;
      const uint32_t fail = FailMask(s, doc, f);
      if ((fail & kFailOther) != 0) return;
      if (fail != 0 && (fail & (fail - 1)) != 0) return;  // fails two faceted filters
      // The person's net cost: only when asked for, and only for documents still in the running.
      std::optional<Cents> net;
      if (wants_net_cost) {
        net = query.net_cost->NetCents(CostFactsOf(s, doc, f.today));
        if (query.net_cost_max && (!net || *net > *query.net_cost_max)) return;
      }
      facets.Add(s, doc, fail);
      if (fail != 0) return;
      const float relevance = RelevanceWithBoosts(s, doc, score, f.today);
      matches.push_back(
          {SortKey(query.sort, s, doc, relevance, f, net), relevance, si, doc, s.course_id[doc]});
    };
    if (plan.groups.empty()) {
      for (uint32_t doc = 0; doc < s.size(); ++doc) consider(doc, 0);
      continue;
    }
    // Rarest group first keeps the intermediate lists short.
    std::vector<ScoredList> lists;
    for (const WordGroup& g : plan.groups) lists.push_back(GroupList(s, g, &idf));
    std::sort(lists.begin(), lists.end(),
              [](const ScoredList& a, const ScoredList& b) { return a.size() < b.size(); });
    ScoredList candidates = std::move(lists[0]);
    for (size_t i = 1; i < lists.size() && !candidates.empty(); ++i)
      candidates = Intersect(candidates, lists[i]);
    for (const std::string& bigram : plan.bigrams) AddBigramBoost(s, bigram, &idf, &candidates);
    for (const Scored& c : candidates) consider(c.doc, c.score);
  }
  result.total = static_cast<int64_t>(matches.size());
  const int per_page = std::clamp(query.per_page, 1, 100);
  const size_t offset =
      static_cast<size_t>(std::max(0, query.page - 1)) * static_cast<size_t>(per_page);
  const size_t end = std::min(matches.size(), offset + static_cast<size_t>(per_page));
  if (offset < end) {
    const auto order = [](const Match& a, const Match& b) {
      return a.key != b.key ? a.key < b.key : a.id < b.id;
    };
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(end),
                      matches.end(), order);
    for (size_t i = offset; i < end; ++i) {
      const Match& m = matches[i];
      const Segment& s = *snap->segments[m.segment].segment;
      result.hits.push_back(MakeHit(s, m.doc, m.score, f));
      if (query.net_cost != nullptr)
        result.hits.back().net_cost_cents =
            query.net_cost->NetCents(CostFactsOf(s, m.doc, f.today));
    }
  }
  result.facets = BuildFacets(facets, *geo_);
  if (result.total == 0 && !plan.groups.empty())
    result.suggestion = SuggestCorrection(query.text, *analysis_, segments);
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace verder
