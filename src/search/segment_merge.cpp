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
  while (i < a.terms_.size() || j < b.terms_.size()) {
    const bool take_a = j == b.terms_.size() || (i < a.terms_.size() && a.terms_[i] <= b.terms_[j]);
    const bool take_b = i == a.terms_.size() || (j < b.terms_.size() && b.terms_[j] <= a.terms_[i]);
    const std::string& term = take_a ? a.terms_[i] : b.terms_[j];
    const size_t before = s.posting_docs_.size();
    if (take_a) append(a, i, a_new);
    if (take_b) append(b, j, b_new);
    if (s.posting_docs_.size() > before) {
      s.terms_.push_back(term);
      s.posting_begin_.push_back(s.posting_docs_.size());
    }
    if (take_a) ++i;
    if (take_b) ++j;
  }
  s.IndexTerms();
  return out;
}

}  // namespace verder
