#include "insight/view_stats.h"

#include <algorithm>

namespace verder {
namespace {

// Sorts (id, count) most first, ties by id, and keeps the first n ids.
std::vector<CourseId> Top(std::vector<std::pair<CourseId, int64_t>> counted, size_t n) {
  const size_t keep = std::min(n, counted.size());
  std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(keep),
                    counted.end(), [](const auto& x, const auto& y) {
                      return x.second != y.second ? x.second > y.second : x.first < y.first;
                    });
  std::vector<CourseId> ids;
  ids.reserve(keep);
  for (size_t i = 0; i < keep; ++i) ids.push_back(counted[i].first);
  return ids;
}

}  // namespace

void ViewStats::Load(const ViewCounts& stored) {
  std::lock_guard lock(mu_);
  for (const auto& [id, n] : stored.views) views_[id] += n;
  for (const ViewCounts::Pair& p : stored.pairs) AddPair(p.a, p.b, p.together);
}

void ViewStats::RecordView(CourseId id) {
  std::lock_guard lock(mu_);
  ++views_[id];
  ++pending_views_[id];
}

void ViewStats::RecordTogether(CourseId a, CourseId b) {
  if (a == b || a <= 0 || b <= 0) return;
  std::lock_guard lock(mu_);
  AddPair(a, b, 1);
  ++pending_pairs_[{std::min(a, b), std::max(a, b)}];
}

void ViewStats::AddPair(CourseId a, CourseId b, int64_t n) {
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    auto& partners = partners_[from];
    const auto it = partners.find(to);
    if (it != partners.end()) {
      it->second += n;
    } else if (partners.size() < kMaxPartners) {
      partners.emplace(to, n);
    }
  }
}

int64_t ViewStats::Views(CourseId id) const {
  std::lock_guard lock(mu_);
  const auto it = views_.find(id);
  return it == views_.end() ? 0 : it->second;
}

std::vector<CourseId> ViewStats::MostViewed(size_t n, int64_t min_views) const {
  std::lock_guard lock(mu_);
  std::vector<std::pair<CourseId, int64_t>> counted;
  for (const auto& [id, views] : views_) {
    if (views >= min_views) counted.emplace_back(id, views);
  }
  return Top(std::move(counted), n);
}

std::vector<CourseId> ViewStats::AlsoViewed(CourseId id, size_t n) const {
  std::lock_guard lock(mu_);
  const auto it = partners_.find(id);
  if (it == partners_.end()) return {};
  std::vector<std::pair<CourseId, int64_t>> counted;
  for (const auto& [other, together] : it->second) {
    if (together >= kMinGroup) counted.emplace_back(other, together);
  }
  return Top(std::move(counted), n);
}

ViewCounts ViewStats::TakePending() {
  std::lock_guard lock(mu_);
  ViewCounts out;
  out.views.assign(pending_views_.begin(), pending_views_.end());
  for (const auto& [pair, n] : pending_pairs_) out.pairs.push_back({pair.first, pair.second, n});
  pending_views_.clear();
  pending_pairs_.clear();
  return out;
}

}  // namespace verder
