#include "app/index_follower.h"

#include <cstdio>
#include <map>
#include <set>

namespace verder {

Status IndexFollower::LoadAll(const std::function<void(int64_t)>& progress) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(StoreCounts counts, store_->Counts());
  last_seq_ = counts.last_seq;
  VERDER_ASSIGN_OR_RETURN(std::vector<Provider> providers, store_->AllProviders());
  VERDER_ASSIGN_OR_RETURN(const std::vector<CourseId> hidden, store_->HiddenCourseIds());
  const std::set<CourseId> hidden_set(hidden.begin(), hidden.end());
  for (const Provider& p : providers) provider_names_[p.id] = p.name;
  std::map<std::string, int64_t> title_counts;
  std::vector<IndexedCourse> batch;
  int64_t loaded = 0;
  constexpr size_t kBatch = 50000;
  VERDER_RETURN_IF_ERROR(
      store_->ForEachCourse([&](const Course& c, const std::vector<Offering>& offerings) {
        if (c.status != CourseStatus::kActive || hidden_set.count(c.id) != 0) return Status();
        ++title_counts[c.title.nl];
        batch.push_back({c, offerings, provider_names_[c.provider_id]});
        if (batch.size() == kBatch) {
          index_->Upsert(batch);
          loaded += static_cast<int64_t>(batch.size());
          batch.clear();
          if (progress) progress(loaded);
        }
        return Status();
      }));
  index_->Upsert(batch);
  loaded += static_cast<int64_t>(batch.size());
  if (progress) progress(loaded);
  for (auto& [title, n] : title_counts) titles_.push_back({title, "course", n});
  return Status();
}

IndexedCourse IndexFollower::ToIndexed(CourseRecord record) {
  provider_names_[record.provider.id] = record.provider.name;
  // A course the operator took off the site leaves the index like a withdrawn one.
  if (record.hold_reason) record.course.status = CourseStatus::kWithdrawn;
  return IndexedCourse{std::move(record.course), std::move(record.offerings), record.provider.name};
}

Result<int> IndexFollower::CatchUp() {
  std::lock_guard lock(mu_);
  int changed = 0;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(std::vector<Change> changes,
                            store_->ChangesSince(last_seq_, kChangesPerRound));
    if (changes.empty()) break;
    std::set<CourseId> courses;
    for (const Change& c : changes) {
      if (c.entity == EntityKind::kCourse) courses.insert(c.entity_id);
    }
    VERDER_ASSIGN_OR_RETURN(std::vector<CourseRecord> records,
                            store_->GetCourses({courses.begin(), courses.end()}));
    std::vector<IndexedCourse> batch;
    batch.reserve(records.size());
    for (CourseRecord& record : records) {
      batch.push_back(ToIndexed(std::move(record)));  // withdrawn ones leave the index in Upsert
    }
    index_->Upsert(batch);
    changed += static_cast<int>(courses.size());
    last_seq_ = changes.back().seq;
  }
  return changed;
}

void IndexFollower::Start(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(stop_mu_);
    while (true) {
      stop_cv_.wait_for(lock, interval, [this] { return stopping_ || woken_; });
      if (stopping_) break;
      woken_ = false;
      lock.unlock();
      const Result<int> r = CatchUp();
      if (!r.ok()) std::fprintf(stderr, "search index: %s\n", r.error().message.c_str());
      lock.lock();
    }
  });
}

void IndexFollower::Wake() {
  {
    std::lock_guard lock(stop_mu_);
    woken_ = true;
  }
  stop_cv_.notify_all();
}

void IndexFollower::Stop() {
  {
    std::lock_guard lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace verder
