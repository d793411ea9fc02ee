// search/search_index.h — Verder's own in-memory search engine over the catalogue.
//
//   SearchIndex index(&geo, &analysis);
//   index.Upsert(courses);                 // adds or replaces by course id; withdrawn ones leave
//   SearchResult r = index.Search(query);  // text, filters, disjunctive facets, sort, paging
//
// Live: an Upsert or Remove is visible to the next Search, without a rebuild. Searches never wait
// for writers and never see half a change: each Search works on an immutable snapshot (a list of
// segments with their deletion bitmaps) that a writer replaces atomically. Writers are serialised.
// Small segments are merged as they accumulate (tiered), so a long run of updates stays fast.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/geo.h"
#include "search/indexed_course.h"
#include "search/search_query.h"
#include "search/segment.h"
#include "search/text_analysis.h"

namespace verder {

class SearchIndex {
 public:
  // `geo` and `analysis` must outlive the index.
  SearchIndex(const GeoIndex* geo, const TextAnalysis* analysis);

  void Upsert(const std::vector<IndexedCourse>& courses);
  void Remove(CourseId id);
  SearchResult Search(const SearchQuery& query) const;
  size_t size() const;  // live documents

  // The frozen state a Search works on.
  struct SegmentView {
    std::shared_ptr<const Segment> segment;
    std::shared_ptr<const Bitmap> deleted;
  };
  struct Snapshot {
    std::vector<SegmentView> segments;
    size_t live = 0;
  };
  std::shared_ptr<const Snapshot> snapshot() const;

 private:
  // `batch` as new segments, built in parallel when it is large.
  std::vector<std::shared_ptr<const Segment>> BuildSegments(
      std::span<const IndexedCourse> batch) const;
  void Publish(std::vector<SegmentView> segments);
  void MergeTail(std::vector<SegmentView>* segments);
  void MarkDeleted(CourseId id, std::vector<SegmentView>* segments);

  const GeoIndex* geo_;
  const TextAnalysis* analysis_;
  std::mutex writer_mu_;
  // Where each course lives now: (segment, document); writer side only.
  std::unordered_map<CourseId, std::pair<const Segment*, uint32_t>> location_;
  mutable std::mutex snapshot_mu_;  // held only to copy or swap the pointer
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace verder
