// app/index_follower.h — keeps the search index in step with the store (the truth).
//
// At start it loads every course into the index; then a thread asks the store what changed
// since the last sequence number it applied and applies that (upsert, or removal of withdrawn
// courses). Changes are idempotent, so applying one twice is harmless and none is missed: the
// sequence is read before the load.
//
//   IndexFollower follower(store, &index);
//   VERDER_RETURN_IF_ERROR(follower.LoadAll(nullptr));
//   follower.Start(std::chrono::milliseconds(200));
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "search/search_index.h"
#include "search/suggester.h"
#include "store/store.h"

namespace verder {

class IndexFollower {
 public:
  IndexFollower(Store* store, SearchIndex* index) : store_(store), index_(index) {}
  ~IndexFollower() { Stop(); }
  IndexFollower(const IndexFollower&) = delete;
  IndexFollower& operator=(const IndexFollower&) = delete;

  // Loads all courses; `progress` (may be null) gets the number loaded so far.
  Status LoadAll(const std::function<void(int64_t)>& progress);
  // Applies what changed since the last call (or LoadAll). Returns how many courses changed.
  Result<int> CatchUp();
  void Start(std::chrono::milliseconds interval);
  // Catches up now instead of at the next interval: a provider's accepted feed is searchable
  // at once. Safe from any thread; wakes that come together are served by one catch-up.
  void Wake();
  void Stop();
  // Autocomplete entries gathered during LoadAll (course titles with counts).
  std::vector<Suggestion> TakeTitleSuggestions() { return std::move(titles_); }

 private:
  // A stored course as the index takes it: a course under a hold counts as withdrawn.
  IndexedCourse ToIndexed(CourseRecord record);
  // Changes read per round of CatchUp: large enough that a provider's whole catalogue is indexed
  // in a few parallel segment builds, small enough to bound the memory of one round.
  static constexpr int kChangesPerRound = 50000;

  Store* store_;
  SearchIndex* index_;
  std::mutex mu_;  // one CatchUp at a time
  int64_t last_seq_ = 0;
  std::unordered_map<ProviderId, std::string> provider_names_;
  std::vector<Suggestion> titles_;
  std::thread thread_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace verder
