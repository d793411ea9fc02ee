// Segment::Merge: a new segment with the live documents of two, without re-analysing any text.
#include <algorithm>

#include "search/segment.h"

namespace verder {
namespace {

template <typename T>
void AppendLive(const std::vector<T>& from, const std::vector<int64_t>& new_id,
                std::vector<T>* to) {
  for (size_t i = 0; i < new_id.size(); ++i) {
    if (new_id[i] >= 0) to->push_back(from[i]);
  }
}

// `from`'s deletion index with its term ids renumbered (`new_term`, -1 for a term dropped).
// Renumbering keeps the order, because both segments' terms keep theirs in the merged list, so
// the result is still sorted by (hash, id).
std::vector<std::pair<uint64_t, uint32_t>> RenumberDeletions(
    const std::vector<std::pair<uint64_t, uint32_t>>& from, const std::vector<int64_t>& new_term) {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(from.size());
  for (const auto& [hash, term] : from) {
    if (new_term[term] >= 0) out.emplace_back(hash, static_cast<uint32_t>(new_term[term]));
  }
  return out;
}

}  // namespace

std::shared_ptr<const Segment> Segment::Merge(const Segment& a, const Bitmap& a_deleted,
                                              const Segment& b, const Bitmap& b_deleted) {
  auto out = std::make_shared<Segment>();
  Segment& s = *out;
  // Old document → new document (or -1 when deleted), a's first.
  std::vector<int64_t> a_new(a.size(), -1);
  std::vector<int64_t> b_new(b.size(), -1);
  int64_t next = 0;
  for (uint32_t d = 0; d < a.size(); ++d) {
    if (!TestBit(a_deleted, d)) a_new[d] = next++;
  }
  for (uint32_t d = 0; d < b.size(); ++d) {
    if (!TestBit(b_deleted, d)) b_new[d] = next++;
  }
  // Sized once: growing these lists as they fill copied each of them several times over.
  const auto live = static_cast<size_t>(next);
  s.rows.reserve(live);
  s.provider_id.reserve(live);
  s.title_id.reserve(live);
  s.provider_name_id.reserve(live);
  s.cost.reserve(live);
  s.offering_begin.reserve(live + 1);
  const size_t offerings = a.offering_start.size() + b.offering_start.size();
  s.offering_start.reserve(offerings);
  s.offering_lat.reserve(offerings);
  s.offering_lon.reserve(offerings);
  s.offering_price.reserve(offerings);
  s.offering_place_id.reserve(offerings);
  s.strings.reserve(a.strings.size() + b.strings.size());
  s.terms_.reserve(a.terms_.size() + b.terms_.size());
  s.posting_begin_.reserve(a.terms_.size() + b.terms_.size() + 1);
  s.posting_docs_.reserve(a.posting_docs_.size() + b.posting_docs_.size());
  s.posting_impacts_.reserve(a.posting_impacts_.size() + b.posting_impacts_.size());
  for (const auto* part : {&a, &b}) {
    const auto& ids = part == &a ? a_new : b_new;
    AppendLive(part->rows, ids, &s.rows);
    AppendLive(part->provider_id, ids, &s.provider_id);
    const auto string_base = static_cast<uint32_t>(s.strings.size());
    s.strings.insert(s.strings.end(), part->strings.begin(), part->strings.end());
    for (uint32_t d = 0; d < part->size(); ++d) {
      if (ids[d] < 0) continue;
      s.title_id.push_back(string_base + part->title_id[d]);
      s.provider_name_id.push_back(string_base + part->provider_name_id[d]);
      Segment::CostColumns cost = part->cost[d];
      cost.sector_id += string_base;
      cost.code_type_id += string_base;
      s.cost.push_back(cost);
      s.offering_begin.push_back(static_cast<uint32_t>(s.offering_start.size()));
      for (uint32_t o = part->offering_begin[d]; o < part->offering_begin[d + 1]; ++o) {
        s.offering_start.push_back(part->offering_start[o]);
        s.offering_lat.push_back(part->offering_lat[o]);
        s.offering_lon.push_back(part->offering_lon[o]);
        s.offering_price.push_back(part->offering_price[o]);
        s.offering_place_id.push_back(string_base + part->offering_place_id[o]);
      }
    }
  }
  s.offering_begin.push_back(static_cast<uint32_t>(s.offering_start.size()));

  // Both term lists are sorted: merge them, keeping terms that still have live postings.
  s.posting_begin_.push_back(0);
  size_t i = 0;
  size_t j = 0;
  const auto append = [&](const Segment& seg, size_t term, const std::vector<int64_t>& ids) {
    for (uint64_t k = seg.posting_begin_[term]; k < seg.posting_begin_[term + 1]; ++k) {
      const int64_t d = ids[seg.posting_docs_[k]];
      if (d < 0) continue;
      s.posting_docs_.push_back(static_cast<uint32_t>(d));
      s.posting_impacts_.push_back(seg.posting_impacts_[k]);
    }
  };
  // Old term → merged term (or -1 when no live posting is left), for the deletion index.
  std::vector<int64_t> a_term(a.terms_.size(), -1);
  std::vector<int64_t> b_term(b.terms_.size(), -1);
  while (i < a.terms_.size() || j < b.terms_.size()) {
    const bool take_a = j == b.terms_.size() || (i < a.terms_.size() && a.terms_[i] <= b.terms_[j]);
    const bool take_b = i == a.terms_.size() || (j < b.terms_.size() && b.terms_[j] <= a.terms_[i]);
    const std::string& term = take_a ? a.terms_[i] : b.terms_[j];
    const size_t before = s.posting_docs_.size();
    if (take_a) append(a, i, a_new);
    if (take_b) append(b, j, b_new);
    if (s.posting_docs_.size() > before) {
      const auto id = static_cast<int64_t>(s.terms_.size());
      if (take_a) a_term[i] = id;
      if (take_b) b_term[j] = id;
      s.terms_.push_back(term);
      s.posting_begin_.push_back(s.posting_docs_.size());
    }
    if (take_a) ++i;
    if (take_b) ++j;
  }
  s.IndexTermLookup();
  s.IndexFacetKeys();
  // Both deletion indexes renumbered and merged, instead of every term's deletions hashed and
  // sorted again: on a large segment that was most of a merge's time.
  const auto a_deletions = RenumberDeletions(a.deletions_, a_term);
  const auto b_deletions = RenumberDeletions(b.deletions_, b_term);
  s.deletions_.resize(a_deletions.size() + b_deletions.size());
  std::merge(a_deletions.begin(), a_deletions.end(), b_deletions.begin(), b_deletions.end(),
             s.deletions_.begin());
  s.deletions_.erase(std::unique(s.deletions_.begin(), s.deletions_.end()), s.deletions_.end());
  s.IndexDeletionBuckets();
  return out;
}

}  // namespace verder
