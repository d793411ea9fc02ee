// bench/corpus.h — the documents and the query mix every engine in the benchmark gets.
//
// Documents come from imported courses (the demo generator for scale, DUO for relevance). The
// query mix is drawn from words that really occur in the corpus, so every engine has work to
// do, and is fully determined by the documents and the seed:
//
//   DemoCatalog demo(reference, {.courses = n, .seed = 42, .today = today});
//   std::vector<BenchDoc> docs = DemoDocs(demo, n, geo);
//   std::vector<BenchQuery> mix = MakeQueryMix(docs, {.per_class = 500, .seed = 7});
//
// Query classes (kQueryClasses), each with 0-3 filters from (region, price_max, level, mode)
// and facets on level, mode and region:
//  - one_term: one word; words are drawn by a Zipf law over their document frequency rank,
//    so most queries use common words, as people do;
//  - two_term_and, three_terms: words that occur together in one course;
//  - typo: one edit (delete, insert, substitute, swap neighbours) of a real word of >= 5
//    letters, sometimes next to a correct second word;
//  - compound: a word of >= 10 letters in the corpus made of two corpus words
//    ("klantenservice"), or two neighbouring words written as one ("voedselveiligheid");
//  - prefix: the first 3-6 letters of a word, alone or after a whole word.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bench/engine.h"
#include "catalog/course.h"
#include "catalog/geo.h"
#include "ingest/demo_catalog.h"
#include "ingest/duo_import.h"

namespace verder::bench {

inline constexpr std::array<std::string_view, 6> kQueryClasses = {
    "one_term", "two_term_and", "three_terms", "typo", "compound", "prefix"};

// Dutch and English function words. Query words are never drawn from them, and the peers drop
// them from queries (Verder has its own list in text/).
const std::vector<std::string>& StopWords();
bool IsStopWord(std::string_view lower_word);

// Provider key → (id, name); ids are the provider's position in `providers` plus one.
struct ProviderEntry {
  int64_t id = 0;
  std::string name;
};
std::unordered_map<std::string, ProviderEntry> ProviderDirectory(
    const std::vector<Provider>& providers);

// One imported course as a document with id `id`; regions come from the runs' municipalities.
BenchDoc ToBenchDoc(const ImportedCourse& course, int64_t id, const ProviderEntry& provider,
                    const GeoIndex& geo);

// Courses 0..courses-1 of the demo catalogue; course i gets id i + 1.
std::vector<BenchDoc> DemoDocs(const DemoCatalog& demo, int64_t courses, const GeoIndex& geo);

struct QueryMixOptions {
  int per_class = 500;
  uint64_t seed = 7;
};

// per_class queries of every class in kQueryClasses, interleaved in a seeded random order.
std::vector<BenchQuery> MakeQueryMix(const std::vector<BenchDoc>& docs,
                                     const QueryMixOptions& options);

}  // namespace verder::bench
