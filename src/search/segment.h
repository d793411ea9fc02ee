// search/segment.h — an immutable slice of the index: documents, their filter columns and an
// inverted index with BM25F impacts. The index is a list of segments plus, per segment, a bitmap
// of documents deleted since it was built; segments are built from courses or merged from two
// segments (dropping deleted documents), never changed in place, so readers need no locks.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/geo.h"
#include "search/indexed_course.h"
#include "search/text_analysis.h"

namespace verder {

using Bitmap = std::vector<uint64_t>;
inline bool TestBit(const Bitmap& b, uint32_t i) {
  return i / 64 < b.size() && ((b[i / 64] >> (i % 64)) & 1U) != 0;
}
inline void SetBit(Bitmap* b, uint32_t i) {
  if (i / 64 >= b->size()) b->resize(i / 64 + 1, 0);
  (*b)[i / 64] |= uint64_t{1} << (i % 64);
}

// Start day of an offering that can start any time.
constexpr int32_t kStartAnyTime = std::numeric_limits<int32_t>::min();

struct PostingList {
  const uint32_t* docs = nullptr;
  const uint8_t* impacts = nullptr;  // BM25F saturation tf'/(k1+tf') scaled to 1..255
  uint32_t size = 0;
};

class Segment {
 public:
  static std::shared_ptr<const Segment> Build(std::span<const IndexedCourse> courses,
                                              const TextAnalysis& analysis, const GeoIndex& geo);
  // `courses` built on every core, as one segment per slice of at least `min_slice` courses;
  // every slice scores with the whole batch's average field lengths, as one Build would.
  static std::vector<std::shared_ptr<const Segment>> BuildInSlices(
      std::span<const IndexedCourse> courses, const TextAnalysis& analysis, const GeoIndex& geo,
      size_t min_slice);
  // The live documents of `a` then those of `b`.
  static std::shared_ptr<const Segment> Merge(const Segment& a, const Bitmap& a_deleted,
                                              const Segment& b, const Bitmap& b_deleted);

  uint32_t size() const { return static_cast<uint32_t>(rows.size()); }
  PostingList Postings(std::string_view term) const;
  uint32_t DocFrequency(std::string_view term) const { return Postings(term).size; }
  // Appends the terms starting with `prefix`, in order, with their document frequency (at most
  // `scan_limit` looked at). The views are into this segment and live as long as it does.
  void CollectPrefix(std::string_view prefix, size_t scan_limit,
                     std::vector<std::pair<std::string_view, uint32_t>>* out) const;
  // Terms within `max_edits` (Damerau-Levenshtein, adjacent swaps count one) of `word`.
  void CollectTypos(std::string_view word, int max_edits,
                    std::vector<std::pair<std::string, int>>* out) const;

  // What filters, facets and ordering read of one document, packed in half a cache line: a query
  // touches each matching document once here instead of in ten separate columns (measured: the
  // column layout spent most of a query on cache misses).
  struct alignas(32) DocRow {
    CourseId course_id = 0;
    uint64_t region_mask = 0;  // bit r-1 for labour-market region r
    int32_t price_cents = -1;  // -1: not stated
    uint16_t duration_weeks = 0;
    uint16_t study_load_hours = 0;
    uint8_t level = 0;
    uint8_t mode = 0;
    uint8_t language = 0;  // index in kLanguageCodes
    uint8_t funding = 0;   // FundingFlag bits
    uint8_t is_demo = 0;
    uint8_t price_bucket = 0;  // search_filters.h PriceBucket
  };
  std::vector<DocRow> rows;
  // The facts of a DocRow that facets count and faceted filters test. A catalogue has few
  // distinct combinations (tens of thousands in a million courses, mostly by region), so a
  // query counts a small number per matching document and expands the counts at the end,
  // instead of reading each document's row.
  struct FacetKey {
    uint64_t region_mask = 0;
    uint8_t level = 0;
    uint8_t mode = 0;
    uint8_t language = 0;
    uint8_t funding = 0;
    uint8_t price_bucket = 0;
    uint8_t is_demo = 0;
    bool operator==(const FacetKey&) const = default;
  };
  std::vector<FacetKey> facet_keys;  // distinct, the most used first (their counters stay hot)
  std::vector<uint32_t> facet_key;   // per document, into facet_keys
  std::vector<int32_t> facet_price;  // per document, rows[d].price_cents in a column 8× denser
  std::vector<ProviderId> provider_id;
  std::vector<uint32_t> title_id;  // into strings
  std::vector<uint32_t> provider_name_id;
  // What a person's net cost depends on beyond the columns above (search_query.h NetCostModel).
  struct CostColumns {
    int32_t registration = 0;
    int32_t tuition = 0;
    int32_t materials = 0;
    int32_t other = 0;
    bool vat_included = true;
    bool vat_exempt = false;
    uint8_t nlqf = 0;
    uint32_t sector_id = 0;     // into strings
    uint32_t code_type_id = 0;  // into strings
  };
  std::vector<CostColumns> cost;
  // Open offerings, flattened: those of document d are [offering_begin[d], offering_begin[d+1]).
  std::vector<uint32_t> offering_begin;
  std::vector<int32_t> offering_start;  // days since epoch, or kStartAnyTime
  std::vector<float> offering_lat;      // NaN: no location (online)
  std::vector<float> offering_lon;
  std::vector<int32_t> offering_price;  // -1: the course's price
  std::vector<uint32_t> offering_place_id;
  std::vector<std::string> strings;  // titles, provider names, places (deduplicated)

  // The next start (days; kNoStart when none is dated) of every document, as seen on `today`.
  // Made on the first query of a day and kept until the day changes: a query then reads one
  // number per document instead of scanning its offerings.
  std::shared_ptr<const std::vector<int32_t>> NextStarts(int32_t today) const;
  static constexpr int32_t kNoStart = std::numeric_limits<int32_t>::max();

  static constexpr const char* kLanguageCodes[] = {"nl", "en", "de", "fr", "other"};
  static uint8_t LanguageIndex(std::string_view code);

 private:
  friend class SegmentBuilder;
  // Terms sorted by text, postings in CSR form.
  std::vector<std::string> terms_;
  std::unordered_map<std::string_view, uint32_t> term_index_;  // views into terms_
  std::vector<uint64_t> posting_begin_;
  std::vector<uint32_t> posting_docs_;
  std::vector<uint8_t> posting_impacts_;
  // Deletion index for typo lookup: (hash of a term with up to two letters deleted, term id),
  // sorted by hash.
  std::vector<std::pair<uint64_t, uint32_t>> deletions_;
  // Where each run of hashes with the same top `deletion_bits_` bits starts in deletions_ (one
  // entry more than there are runs): a lookup reads a bucket of a few entries instead of
  // binary-searching millions, each step of which missed the cache.
  std::vector<uint32_t> deletion_buckets_;
  int deletion_bits_ = 0;
  void IndexDeletionBuckets();  // deletion_buckets_ from deletions_

  void IndexTerms();       // term_index_ and deletions_ from terms_
  void IndexTermLookup();  // term_index_ from terms_
  void IndexFacetKeys();   // facet_keys, facet_key and facet_price from rows

  mutable std::mutex next_starts_mu_;
  mutable int32_t next_starts_day_ = 0;
  mutable std::shared_ptr<const std::vector<int32_t>> next_starts_;
};

}  // namespace verder
