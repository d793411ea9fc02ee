// bench/verder_engine.cpp — Verder's own engine (src/search) behind the BenchEngine interface.
//
// Everything that depends on SearchIndex's API is in this file, between the ASSUMED markers:
// when the API changes, only those lines change. What the adapter assumes of src/search:
//  - SearchIndex(const GeoIndex*, const TextAnalysis*), TextAnalysis::LoadDefault(dir);
//  - Upsert(std::vector<IndexedCourse>) taking a vector lvalue (by value or const&), adding or
//    replacing by course.id, visible to the next Search;
//  - Search(SearchQuery) with per_page as the page size and facets named "level", "mode",
//    "region" whose FacetValue::value is LevelName / DeliveryModeName / the region id, counted
//    disjunctively;
//  - region filters by CBS labour-market region id, derived from Offering::location
//    .municipality_code through the GeoIndex; price_max on Course::costs.Total() when stated.
#include <algorithm>

#include "bench/engine.h"
#include "catalog/course.h"
#include "catalog/geo.h"
// ASSUMED (src/search API) begins.
#include "search/search_index.h"
#include "search/text_analysis.h"
// ASSUMED ends.

namespace verder::bench {
namespace {

// Loading in batches like app/index_follower.cpp (kBatch = 50000), as `verder serve` does.
constexpr size_t kBuildBatch = 50000;

IndexedCourse ToIndexedCourse(const BenchDoc& d) {
  IndexedCourse out;
  Course& c = out.course;
  c.id = d.id;
  c.provider_id = d.provider_id;
  c.primary_code = {"bench", d.code};
  c.title = {d.title, d.title_en};
  c.description = {d.description, d.description_en};
  c.skills = d.skills;
  c.occupations = d.occupations;
  c.level = ParseLevel(d.level).value_or(Level::kNone);
  c.mode = ParseDeliveryMode(d.mode).value_or(DeliveryMode::kClassroom);
  c.language = d.language;
  c.is_demo = d.is_demo;
  c.costs.stated = d.price_cents >= 0;
  c.costs.tuition_cents = c.costs.stated ? d.price_cents : 0;
  for (const BenchOffering& b : d.offerings) {
    Offering o;
    if (b.start_days) o.start = Date::FromDays(*b.start_days);
    o.location = {b.postcode, b.municipality_code, b.place, ""};
    out.offerings.push_back(std::move(o));
  }
  out.provider_name = d.provider_name;
  return out;
}

class VerderEngine final : public BenchEngine {
 public:
  VerderEngine(std::unique_ptr<TextAnalysis> analysis, const GeoIndex* geo, int32_t today_days)
      : analysis_(std::move(analysis)),
        index_(std::make_unique<SearchIndex>(geo, analysis_.get())),
        today_(Date::FromDays(today_days)) {}

  std::string name() const override { return "verder"; }

  Status Build(const std::vector<BenchDoc>& docs) override {
    std::vector<IndexedCourse> batch;
    batch.reserve(std::min(kBuildBatch, docs.size()));
    for (const BenchDoc& d : docs) {
      batch.push_back(ToIndexedCourse(d));
      if (batch.size() == kBuildBatch) {
        index_->Upsert(batch);  // ASSUMED: Upsert accepts a vector lvalue
        batch.clear();
      }
    }
    if (!batch.empty()) index_->Upsert(batch);
    return Status();
  }

  BenchAnswer Query(const BenchQuery& q) override {
    // ASSUMED (SearchQuery / SearchResult as in search/search_query.h) begins.
    SearchQuery sq;
    sq.text = q.text;  // Verder always treats the last word as a possible prefix
    if (q.region) sq.regions = {*q.region};
    if (q.price_max_cents) sq.price_max = *q.price_max_cents;
    if (q.level) sq.levels = {ParseLevel(*q.level).value_or(Level::kNone)};
    if (q.mode) sq.modes = {ParseDeliveryMode(*q.mode).value_or(DeliveryMode::kClassroom)};
    // The API pages by at most 100; deeper answers (the relevance bench) take several pages.
    sq.per_page = std::min(q.limit, 100);
    sq.today = today_;
    SearchResult r = index_->Search(sq);
    BenchAnswer a;
    a.total = r.total;
    for (const SearchHit& h : r.hits) a.ids.push_back(h.id);
    while (static_cast<int>(a.ids.size()) < q.limit &&
           static_cast<int64_t>(a.ids.size()) < r.total) {
      ++sq.page;
      const SearchResult more = index_->Search(sq);
      if (more.hits.empty()) break;
      for (const SearchHit& h : more.hits) a.ids.push_back(h.id);
    }
    for (const Facet& f : r.facets) {
      if (std::find(q.facets.begin(), q.facets.end(), f.field) == q.facets.end()) continue;
      std::map<std::string, int64_t>& counts = a.facets[f.field];
      for (const FacetValue& v : f.values) {
        if (v.count > 0) counts[v.value] = v.count;
      }
    }
    // ASSUMED ends.
    return a;
  }

  bool Upsert(const BenchDoc& doc) override {
    index_->Upsert(std::vector<IndexedCourse>{ToIndexedCourse(doc)});
    return true;
  }

 private:
  std::unique_ptr<TextAnalysis> analysis_;
  std::unique_ptr<SearchIndex> index_;  // uses analysis_, so declared after it
  Date today_;
};

}  // namespace

Result<std::unique_ptr<BenchEngine>> MakeVerderEngine(const std::string& resources_dir,
                                                      const GeoIndex* geo, int32_t today_days) {
  // ASSUMED: TextAnalysis::LoadDefault(data_dir) -> Result<std::unique_ptr<TextAnalysis>>.
  Result<std::unique_ptr<TextAnalysis>> analysis = TextAnalysis::LoadDefault(resources_dir);
  if (!analysis.ok()) return analysis.error();
  return std::unique_ptr<BenchEngine>(
      std::make_unique<VerderEngine>(std::move(analysis).value(), geo, today_days));
}

}  // namespace verder::bench
