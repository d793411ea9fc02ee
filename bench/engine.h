// bench/engine.h — one interface over the search engines the benchmarks compare.
//
// Verder, Xapian and SQLite FTS5 each get the same documents (BenchDoc, built once in
// bench/corpus.h) and the same queries (BenchQuery), and answer in the same shape (BenchAnswer):
// the best ids, the exact number of matches, and facet counts.
//
//   std::unique_ptr<BenchEngine> xapian = MakeXapianEngine("/dev/shm").value();
//   VERDER_RETURN_IF_ERROR(xapian->Build(docs));
//   BenchAnswer a = xapian->Query({.text = "verpleegkunde", .level = "mbo-4",
//                                  .facets = {"level", "mode", "region"}});
//
// Facets are disjunctive, as Verder's API promises (issue 4): the counts of a field ignore the
// filter on that same field but honour all others, so choosing "online" still shows how many
// "classroom" courses there are. Every engine computes them that way, so all do the same work.
//
// Thread-safety: an engine is used from one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace verder {
class GeoIndex;
}

namespace verder::bench {

// One run of a course: when and where.
struct BenchOffering {
  std::optional<int32_t> start_days;  // days since 1970-01-01; empty: start any time
  std::string postcode;               // PC4; empty for online runs
  std::string municipality_code;      // CBS code; decides the labour-market region
  std::string place;
};

// One course as every engine indexes it.
struct BenchDoc {
  int64_t id = 0;  // 1..n
  int64_t provider_id = 0;
  std::string code;  // primary code (crebo, CROHO, provider code): for relevance judgements
  std::string title;
  std::string title_en;
  std::string description;  // the course's description and goal, in Dutch
  std::string description_en;
  std::vector<std::string> skills;
  std::vector<std::string> occupations;
  std::string provider_name;
  std::vector<std::string> places;  // distinct places of the runs
  int64_t price_cents = -1;         // the course's total; -1: not stated
  std::string level;                // "none", "mbo-2", ... (catalog LevelName)
  std::string mode;                 // "classroom", "online", ... (catalog DeliveryModeName)
  std::string language = "nl";
  std::vector<int> regions;  // sorted distinct labour-market regions (1..35) of the runs
  std::vector<BenchOffering> offerings;
  bool is_demo = false;
};

struct BenchQuery {
  std::string klass;  // one of kQueryClasses (bench/corpus.h), or a golden class
  std::string text;
  // The last word is still being typed. Peers expand it only when told so; Verder always
  // treats the last word as a possible prefix, as its API does.
  bool prefix_last = false;
  // Filters; each empty one is absent.
  std::optional<int> region;
  std::optional<int64_t> price_max_cents;  // courses without a stated price fail it
  std::optional<std::string> level;
  std::optional<std::string> mode;
  std::vector<std::string> facets;  // fields to count: any of "level", "mode", "region"
  int limit = 10;                   // ids wanted, best first (at most 1000)
};

struct BenchAnswer {
  std::vector<int64_t> ids;  // best first
  int64_t total = 0;         // exact number of matching courses
  // field → value → count (values with a zero count are left out); region values are ids.
  std::map<std::string, std::map<std::string, int64_t>> facets;
  std::string error;  // set when the engine failed on this query
};

class BenchEngine {
 public:
  virtual ~BenchEngine() = default;
  virtual std::string name() const = 0;
  // Indexes `docs` (ids unique) into an empty engine; everything a query needs is ready after.
  virtual Status Build(const std::vector<BenchDoc>& docs) = 0;
  virtual BenchAnswer Query(const BenchQuery& query) = 0;
  // Adds or replaces one document so that the next Query sees it. Only engines whose live
  // update the benchmark measures implement it; the others answer false.
  virtual bool Upsert(const BenchDoc& doc) {
    (void)doc;
    return false;
  }
  // Bytes the index keeps outside the process's heap (Xapian's files on tmpfs), which the
  // resident set does not show.
  virtual int64_t StorageBytes() const { return 0; }
};

// A Xapian glass database in a fresh directory under `parent_dir` (tmpfs such as /dev/shm keeps
// it in memory); the directory is removed with the engine.
Result<std::unique_ptr<BenchEngine>> MakeXapianEngine(const std::string& parent_dir);
// An in-memory SQLite database with an FTS5 table.
Result<std::unique_ptr<BenchEngine>> MakeFts5Engine();
// Verder's SearchIndex; `resources_dir` holds what TextAnalysis::LoadDefault reads (the repo's
// data/ folder). `geo` must outlive the engine. `today_days` is the date queries are asked on.
Result<std::unique_ptr<BenchEngine>> MakeVerderEngine(const std::string& resources_dir,
                                                      const GeoIndex* geo, int32_t today_days);

}  // namespace verder::bench
