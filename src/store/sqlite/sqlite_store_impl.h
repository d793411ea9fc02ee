// store/sqlite/sqlite_store_impl.h — private: the class behind OpenSqliteStore. Its methods are
// split by subject over sqlite_store.cpp (catalogue), sqlite_changes.cpp (change log and audit)
// sqlite_reference.cpp (reference data, meta, counts), sqlite_views.cpp (view counters) and
// sqlite_keys.cpp (API keys, stale providers), sqlite_moderation.cpp (holds, complaints),
// sqlite_schemes.cpp (published funding schemes) and sqlite_saved_answers.cpp.
#pragma once

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "catalog/course_document.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace verder {

class SqliteStore final : public Store {
 public:
  SqliteStore(SqliteDb db, const Clock* clock) : db_(std::move(db)), clock_(clock) {}

  Status Migrate();

  Result<UpsertReport> UpsertProviders(const std::vector<Provider>& providers,
                                       const Actor& actor) override;
  Result<UpsertReport> UpsertCourses(const std::vector<CourseWithOfferings>& courses,
                                     const Actor& actor) override;
  Status WithdrawCourse(CourseId id, const Actor& actor) override;
  Result<FeedSyncReport> SyncProviderCourses(ProviderId provider,
                                             const std::vector<CourseWithOfferings>& courses,
                                             const FeedSyncOptions& options,
                                             const Actor& actor) override;
  Result<CourseId> WithdrawProviderCourse(ProviderId provider, const std::string& external_id,
                                          const Actor& actor) override;
  Result<CourseRecord> GetCourse(CourseId id) override;
  Result<std::vector<CourseRecord>> GetCourses(const std::vector<CourseId>& ids) override;
  Result<Provider> GetProvider(ProviderId id) override;
  Result<std::optional<ProviderId>> FindProviderByKey(const std::string& key) override;
  Status ForEachCourse(
      const std::function<Status(const Course&, const std::vector<Offering>&)>& visit) override;
  Result<std::vector<Provider>> AllProviders() override;
  Result<std::vector<CourseRecord>> ActiveCourses(CourseId after, int64_t offset,
                                                  int limit) override;
  Result<int64_t> CountActiveCourses() override;
  Result<std::vector<Change>> ChangesSince(int64_t seq, int limit) override;
  Result<std::vector<Change>> History(EntityKind entity, int64_t id) override;
  Status ReplaceReferenceData(const ReferenceData& data) override;
  Result<ReferenceData> LoadReferenceData() override;
  Result<std::optional<std::string>> GetMeta(const std::string& key) override;
  Status SetMeta(const std::string& key, const std::string& value) override;
  Result<StoreCounts> Counts() override;
  Status AddViewCounts(const ViewCounts& delta) override;
  Result<ViewCounts> LoadViewCounts() override;
  Result<int64_t> HideEntity(EntityKind entity, int64_t id, const std::string& reason,
                             const Actor& actor) override;
  Status LiftHold(int64_t hold_id, const Actor& actor) override;
  Result<std::vector<Hold>> Holds(std::optional<ProviderId> provider, bool standing_only) override;
  Result<std::vector<CourseId>> HiddenCourseIds() override;
  Result<int64_t> AddComplaint(const Complaint& complaint) override;
  Result<std::vector<Complaint>> Complaints(bool open_only, int limit) override;
  Status SetComplaintStatus(int64_t id, const std::string& status, const std::string& note,
                            const Actor& actor) override;
  Result<int64_t> CreateApiKey(const ApiKeyRecord& key, const Actor& actor) override;
  Result<std::optional<ApiKeyRecord>> FindApiKey(std::string_view key_id) override;
  Status RevokeApiKey(int64_t id, const Actor& actor) override;
  Result<std::vector<ApiKeyRecord>> ListApiKeys(std::optional<ProviderId> provider) override;
  Result<std::vector<StaleProvider>> StaleProviders(int64_t older_than_utc_seconds) override;
  Result<SchemeVersion> PublishSchemeVersion(const std::string& scheme_id,
                                             const std::string& definition,
                                             const Actor& actor) override;
  Result<std::vector<SchemeVersion>> LatestSchemeVersions() override;
  Result<std::vector<SchemeVersion>> SchemeHistory(const std::string& scheme_id) override;
  Status SaveAnswers(const std::string& lookup, const std::string& sealed,
                     int64_t expires_at) override;
  Result<std::optional<std::string>> LoadAnswers(const std::string& lookup) override;
  Result<bool> DeleteAnswers(const std::string& lookup) override;

 private:
  // Appends an audit row and returns its sequence number. Caller holds the transaction.
  Result<int64_t> AppendChange(const Actor& actor, EntityKind entity, int64_t entity_id,
                               ChangeAction action, const std::string& diff);
  // One course's rows as read, before parsing: GetCourses reads under the store's lock and
  // parses after it, on every core (parsing is most of the work for a large batch).
  struct RawCourse {
    int64_t id = 0;
    int64_t provider_id = 0;
    std::string doc;
    int64_t updated_at = 0;
    std::optional<std::string> hold_reason;
    std::vector<std::pair<int64_t, std::string>> offerings;  // id, doc
  };
  Status ReadRawCourses(const std::vector<CourseId>& ids, std::vector<RawCourse>* raw,
                        std::map<ProviderId, Provider>* providers);
  static Result<CourseRecord> ParseRawCourse(const RawCourse& raw, const Provider& provider);
  // A course's stored documents, serialised beside the single writer (DocsAhead), so that it
  // only runs SQL.
  struct OfferingText {
    std::string doc;
    std::string status;  // the doc's, kept apart so that writing it needs no parse
  };
  struct CourseDocs {
    std::string course;
    std::map<std::string, OfferingText> offerings;  // by the provider's offering id
  };
  // The documents of a batch, serialised on a second thread while the caller writes the first
  // ones: SQLite writes on one core, and serialising first (on both) kept the writer waiting.
  class DocsAhead;
  Result<int64_t> UpsertOneCourse(const CourseWithOfferings& input, CourseDocs docs,
                                  const Actor& actor, int64_t now, UpsertReport* report);
  Result<std::vector<Offering>> LoadOfferings(CourseId id);
  // Inside the lock: the reason a standing hold hides this course (its own or its provider's).
  Result<std::optional<std::string>> HoldReason(CourseId id, ProviderId provider);
  // Inside a transaction: a change row for each course a hold on `entity` touches.
  Status RecordHoldChange(EntityKind entity, int64_t id, const std::string& reason, bool hidden,
                          const Actor& actor);
  // Inside a transaction: marks one course withdrawn; false when it already was.
  Result<bool> WithdrawOne(CourseId id, const Actor& actor, int64_t now);
  Result<std::vector<Change>> QueryChanges(const std::string& where, int64_t a, int64_t b);
  // A prepared statement, compiled once per connection and reused.
  Result<SqliteStatement*> Stmt(const std::string& sql);

  std::mutex mu_;  // one connection; operations are serialised
  SqliteDb db_;
  const Clock* clock_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
  // CountActiveCourses' last answer and the change sequence it holds for (see there).
  std::optional<std::pair<int64_t, int64_t>> active_count_;
};

class SqliteStore::DocsAhead {
 public:
  explicit DocsAhead(const std::vector<CourseWithOfferings>& courses)
      : courses_(courses), docs_(courses.size()) {
    if (courses.size() < kAheadFrom) {
      Serialise(0, courses.size());
      ready_ = courses.size();
    } else {
      worker_ = std::thread([this] { Run(); });
    }
  }
  ~DocsAhead() {
    stop_ = true;
    if (worker_.joinable()) worker_.join();
  }
  DocsAhead(const DocsAhead&) = delete;
  DocsAhead& operator=(const DocsAhead&) = delete;

  // The documents of courses[i], once serialised (i in order, each taken once).
  CourseDocs Take(size_t i) {
    if (ready_.load(std::memory_order_acquire) <= i) {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return ready_.load(std::memory_order_acquire) > i || failed_; });
      if (ready_.load(std::memory_order_acquire) <= i) std::rethrow_exception(failed_);
    }
    return std::move(docs_[i]);
  }

 private:
  // Below this a batch (one POSTed course, a small import) is serialised on the calling thread.
  static constexpr size_t kAheadFrom = 256;
  // The writer is told in steps, not per course: a wake-up costs more than a course.
  static constexpr size_t kStep = 64;

  void Serialise(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      docs_[i].course = StoredCourseDocument(courses_[i].course);
      for (const Offering& o : courses_[i].offerings) {
        docs_[i].offerings[o.external_id] = {StoredOfferingDocument(o),
                                             OfferingStatusName(o.status)};
      }
    }
  }
  void Run() {
    try {
      for (size_t begin = 0; begin < courses_.size() && !stop_; begin += kStep) {
        const size_t end = std::min(courses_.size(), begin + kStep);
        Serialise(begin, end);
        {
          std::lock_guard lock(mu_);
          ready_.store(end, std::memory_order_release);
        }
        cv_.notify_one();
      }
    } catch (...) {
      std::lock_guard lock(mu_);
      failed_ = std::current_exception();
    }
    cv_.notify_one();
  }

  const std::vector<CourseWithOfferings>& courses_;
  std::vector<CourseDocs> docs_;
  std::atomic<size_t> ready_ = 0;   // docs_[0, ready_) are done
  std::atomic<bool> stop_ = false;  // the writer is done (or gave up): no need to go on
  std::exception_ptr failed_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread worker_;
};

// Every row a statement gives, each made into a T by `from_row`; the statement is reset after.
template <typename T, typename FromRow>
Result<std::vector<T>> AllRows(SqliteStatement* statement, FromRow from_row) {
  std::vector<T> rows;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, statement->Step());
    if (!row) break;
    rows.push_back(from_row(*statement));
  }
  statement->Reset();
  return rows;
}

// A provider from its stored row (sqlite_courses.cpp).
Result<Provider> ProviderFromRow(int64_t id, const std::string& doc);

// {"field": [old, new]} for every top-level field that differs.
nlohmann::json DiffDocs(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace verder
