#include "search/search_index.h"

namespace verder {

SearchIndex::SearchIndex(const GeoIndex* geo, const TextAnalysis* analysis)
    : geo_(geo), analysis_(analysis), snapshot_(std::make_shared<Snapshot>()) {}

std::shared_ptr<const SearchIndex::Snapshot> SearchIndex::snapshot() const {
  std::lock_guard lock(snapshot_mu_);
  return snapshot_;
}

size_t SearchIndex::size() const { return snapshot()->live; }

void SearchIndex::Publish(std::vector<SegmentView> segments) {
  auto next = std::make_shared<Snapshot>();
  for (const SegmentView& v : segments) {
    size_t deleted = 0;
    for (uint64_t word : *v.deleted) deleted += static_cast<size_t>(__builtin_popcountll(word));
    next->live += v.segment->size() - deleted;
  }
  next->segments = std::move(segments);
  std::lock_guard lock(snapshot_mu_);
  snapshot_ = std::move(next);
}

void SearchIndex::MarkDeleted(CourseId id, std::vector<SegmentView>* segments) {
  const auto it = location_.find(id);
  if (it == location_.end()) return;
  for (SegmentView& v : *segments) {
    if (v.segment.get() != it->second.first) continue;
    auto copy = std::make_shared<Bitmap>(*v.deleted);  // copy on write: readers keep theirs
    SetBit(copy.get(), it->second.second);
    v.deleted = std::move(copy);
  }
  location_.erase(it);
}

void SearchIndex::MergeTail(std::vector<SegmentView>* segments) {
  // Tiered merging: the newest segment joins the one before it once it is a quarter of its size
  // (or when there are too many), so each document is copied O(log n) times over its life.
  while (segments->size() >= 2) {
    const SegmentView& last = segments->back();
    const SegmentView& before = (*segments)[segments->size() - 2];
    if (last.segment->size() * 4 < before.segment->size() && segments->size() <= 8) break;
    auto merged = Segment::Merge(*before.segment, *before.deleted, *last.segment, *last.deleted);
    segments->pop_back();
    segments->back() = {merged, std::make_shared<Bitmap>()};
    for (uint32_t d = 0; d < merged->size(); ++d)
      location_[merged->rows[d].course_id] = {merged.get(), d};
  }
}

void SearchIndex::Upsert(const std::vector<IndexedCourse>& courses) {
  // A course named twice in one batch: its last version counts.
  std::unordered_map<CourseId, size_t> last;
  for (size_t i = 0; i < courses.size(); ++i) last[courses[i].course.id] = i;
  std::vector<IndexedCourse> unique;
  const bool has_repeats = last.size() != courses.size();
  if (has_repeats) {
    for (size_t i = 0; i < courses.size(); ++i) {
      if (last[courses[i].course.id] == i) unique.push_back(courses[i]);
    }
  }
  const std::vector<IndexedCourse>& batch = has_repeats ? unique : courses;
  // Built before the writer lock: building reads only the batch.
  const std::vector<std::shared_ptr<const Segment>> built = BuildSegments(batch);
  std::lock_guard lock(writer_mu_);
  std::vector<SegmentView> segments = snapshot()->segments;
  for (const IndexedCourse& c : batch) MarkDeleted(c.course.id, &segments);
  for (const std::shared_ptr<const Segment>& added : built) {
    if (added->size() == 0) continue;
    for (uint32_t d = 0; d < added->size(); ++d)
      location_[added->rows[d].course_id] = {added.get(), d};
    segments.push_back({added, std::make_shared<Bitmap>()});
    MergeTail(&segments);
  }
  Publish(std::move(segments));
}

std::vector<std::shared_ptr<const Segment>> SearchIndex::BuildSegments(
    std::span<const IndexedCourse> batch) const {
  // Text analysis dominates indexing and each slice of a batch is independent: a large batch
  // (the start-up load, a provider's whole catalogue) is built as one segment per core, in
  // parallel, and the segments are merged as usual. Small batches are not worth a thread.
  constexpr size_t kMinSlice = 4000;
  return Segment::BuildInSlices(batch, *analysis_, *geo_, kMinSlice);
}

void SearchIndex::Remove(CourseId id) {
  std::lock_guard lock(writer_mu_);
  std::vector<SegmentView> segments = snapshot()->segments;
  MarkDeleted(id, &segments);
  Publish(std::move(segments));
}

}  // namespace verder
