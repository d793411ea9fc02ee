// insight/view_stats.h — aggregated, anonymous course views for "popular" and "others also
// viewed".
//
// Only counters are kept: how often a course page was opened, and how often two courses were
// looked at together (a person followed a link from one to the other, or compared them). No
// person, address, cookie, session or time is recorded, so nothing here can say who looked at
// what. Pairs are shown only once at least kMinGroup views back them (DESIGN.md: statistics with
// a minimum group size), so a single person's path never shows on the site.
//
//   ViewStats stats;
//   stats.Load(store->LoadViewCounts().value());
//   stats.RecordView(42); stats.RecordTogether(42, 7);
//   std::vector<CourseId> also = stats.AlsoViewed(42, 4);
//   store->AddViewCounts(stats.TakePending());   // periodically, and at shutdown
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/store.h"

namespace verder {

class ViewStats {
 public:
  static constexpr int64_t kMinGroup = 3;
  // A course keeps at most this many partners: the counters stay bounded whatever the traffic.
  static constexpr size_t kMaxPartners = 200;

  void Load(const ViewCounts& stored);
  void RecordView(CourseId id);
  void RecordTogether(CourseId a, CourseId b);

  int64_t Views(CourseId id) const;
  // The most viewed courses with at least `min_views`, most first (ties: lower id first).
  std::vector<CourseId> MostViewed(size_t n, int64_t min_views = 1) const;
  // Courses seen together with `id` at least kMinGroup times, most first.
  std::vector<CourseId> AlsoViewed(CourseId id, size_t n) const;

  // The counts recorded since the last call, to be added to the store; resets them.
  ViewCounts TakePending();

 private:
  void AddPair(CourseId a, CourseId b, int64_t n);

  mutable std::mutex mu_;
  std::unordered_map<CourseId, int64_t> views_;
  std::unordered_map<CourseId, std::unordered_map<CourseId, int64_t>> partners_;
  std::unordered_map<CourseId, int64_t> pending_views_;
  std::map<std::pair<CourseId, CourseId>, int64_t> pending_pairs_;  // (a, b) with a < b
};

}  // namespace verder
