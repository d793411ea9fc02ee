// store/store.h — the truth: providers, courses, offerings, reference data, audit and changes.
//
// One interface, backends behind it (sqlite/ now; PostgreSQL can follow without callers noticing).
// Every write is one transaction: a batch lands whole or not at all, with one audit row per changed
// entity and a new change sequence number for it, so an index or another node can ask "what
// changed since N". Writing a record that equals what is stored changes nothing and writes no
// audit row.
//
//   std::unique_ptr<Store> store = OpenSqliteStore({.path = "var/verder.db"}, clock).value();
//   UpsertReport r = store->UpsertCourses(batch, Actor{"import:duo"}).value();
//   CourseRecord c = store->GetCourse(r.ids[0]).value();
//   for (const Change& ch : store->ChangesSince(last_seen, 1000).value()) { ... }
//   int64_t key = store->CreateApiKey(record, Actor{"operator:cli"}).value();
//
// Thread-safety: one Store may be used from several threads; writes are serialised inside.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "core/status.h"

namespace verder {

// Who made a change: "import:duo", "demo", "provider:42", "operator:anna".
struct Actor {
  std::string name;
};

enum class EntityKind { kProvider, kCourse };
enum class ChangeAction { kCreate, kUpdate, kWithdraw };

const char* ChangeActionName(ChangeAction action);

// One row of the change log, which is also the audit trail.
struct Change {
  int64_t seq = 0;  // strictly increasing, never reused
  int64_t at = 0;   // UTC seconds
  std::string actor;
  EntityKind entity = EntityKind::kCourse;
  int64_t entity_id = 0;
  ChangeAction action = ChangeAction::kCreate;
  std::string diff_json;  // {"field": [old, new], ...}; empty for creations
};

struct UpsertReport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<int64_t> ids;  // in input order
};

// A course as it is shown: with its provider and all its offerings.
struct CourseRecord {
  Course course;
  Provider provider;
  std::vector<Offering> offerings;
  // Why the operator took it off the site (a hold on the course or on its provider); empty
  // while it may be shown. Hidden courses are kept, like withdrawn ones.
  std::optional<std::string> hold_reason;
  // Shown on the site and in the open data: active and not held.
  bool is_public() const { return course.status == CourseStatus::kActive && !hold_reason; }
};

struct StoreCounts {
  int64_t providers = 0;
  int64_t courses = 0;
  int64_t offerings = 0;
  int64_t demo_courses = 0;
  int64_t municipalities = 0;
  int64_t postcodes = 0;
  int64_t occupations = 0;
  int64_t skills = 0;
  int64_t last_seq = 0;
};

// Aggregated view counters (insight/view_stats.h): per course, and per pair of courses seen
// together (a < b). Anonymous by construction: no person, address, session or time.
struct ViewCounts {
  std::vector<std::pair<CourseId, int64_t>> views;
  struct Pair {
    CourseId a = 0;
    CourseId b = 0;
    int64_t together = 0;
  };
  std::vector<Pair> pairs;
};

// An API key as stored (auth/api_keys.h makes and checks them). Holds the hash of the key's
// secret, never the key itself; callers must not show or log `secret_hash` either.
struct ApiKeyRecord {
  int64_t id = 0;                         // assigned by the store
  std::optional<ProviderId> provider_id;  // empty: an operator key
  std::string key_id;                     // the public part of the key; unique
  std::string secret_hash;
  std::string label;                  // what the operator calls it: "Feed server", "Anna"
  int64_t created_at = 0;             // UTC seconds; set by the store
  std::string created_by;             // actor; set by the store
  std::optional<int64_t> revoked_at;  // UTC seconds; empty while the key is valid
  std::string revoked_by;             // actor; empty while the key is valid
  // A funder's key (no provider): the ids of the funding schemes it may publish. Empty for the
  // keys of providers and of the operator.
  std::vector<std::string> schemes;
};

// One published version of a funding scheme's definition (funding/scheme_registry.h).
struct SchemeVersion {
  std::string scheme_id;
  int64_t version = 0;     // 1, 2, ... per scheme id
  std::string definition;  // the scheme's JSON, keys sorted
  int64_t published_at = 0;
  std::string published_by;
};

// A provider and the time of the last change to it or any of its courses.
struct StaleProvider {
  Provider provider;
  int64_t last_change_at = 0;  // UTC seconds
};

// The operator's decision to take a course or a whole provider off the site, with the reason the
// provider sees. Lifting it keeps the row: decisions stay on record.
struct Hold {
  int64_t id = 0;
  EntityKind entity = EntityKind::kCourse;
  int64_t entity_id = 0;
  std::string reason;
  int64_t hidden_at = 0;  // UTC seconds; set by the store
  std::string hidden_by;
  std::optional<int64_t> lifted_at;  // empty while the hold stands
  std::string lifted_by;
};

// What a person reported about a course, without an account and without personal data.
struct Complaint {
  int64_t id = 0;
  CourseId course_id = 0;
  std::string category;  // "wrong_info", "misleading", "not_offered", "other"
  std::string message;
  int64_t created_at = 0;       // set by the store
  std::string status = "open";  // "open", "handled", "dismissed"
  std::optional<int64_t> handled_at;
  std::string handled_by;
  std::string note;  // the operator's, for the record
};

struct FeedSyncOptions {
  bool full = false;  // withdraw the provider's active courses that are not in the feed
  // External ids that were in the feed but rejected: never withdrawn as "missing", so one typo
  // in a full feed does not take a course off the site.
  std::vector<std::string> keep;
};

// What a provider's feed did: the upserts, and the courses a full feed withdrew.
struct FeedSyncReport {
  UpsertReport upsert;
  std::vector<CourseId>
      withdrawn;  // ids of active courses of the provider missing from a full feed
};

class Store {
 public:
  virtual ~Store() = default;

  // Inserts or updates providers by their key. The batch is one transaction.
  virtual Result<UpsertReport> UpsertProviders(const std::vector<Provider>& providers,
                                               const Actor& actor) = 0;
  // Inserts or updates courses by (provider_id, external_id), with their offerings: offerings
  // missing from the input are marked cancelled, never deleted. One transaction.
  virtual Result<UpsertReport> UpsertCourses(const std::vector<CourseWithOfferings>& courses,
                                             const Actor& actor) = 0;
  // Marks a course withdrawn (kept, with its history). NotFound when there is no such course.
  virtual Status WithdrawCourse(CourseId id, const Actor& actor) = 0;
  // One provider's feed, in one transaction: upserts `courses` (all must belong to `provider`;
  // InvalidArgument otherwise) and, when `options.full`, withdraws the provider's active courses
  // whose external id is not among them nor in `options.keep`. A kill in the middle leaves all of
  // it or none.
  virtual Result<FeedSyncReport> SyncProviderCourses(
      ProviderId provider, const std::vector<CourseWithOfferings>& courses,
      const FeedSyncOptions& options, const Actor& actor) = 0;
  // Withdraws a course by its provider's own id; NotFound when the provider has no such course.
  virtual Result<CourseId> WithdrawProviderCourse(ProviderId provider,
                                                  const std::string& external_id,
                                                  const Actor& actor) = 0;

  virtual Result<CourseRecord> GetCourse(CourseId id) = 0;
  // The courses of `ids` as GetCourse gives them, in id order; ids with no course are left out.
  // Two queries for the lot instead of four per course: the search index's catch-up after a
  // large feed reads tens of thousands at once.
  virtual Result<std::vector<CourseRecord>> GetCourses(const std::vector<CourseId>& ids) = 0;
  virtual Result<Provider> GetProvider(ProviderId id) = 0;
  virtual Result<std::optional<ProviderId>> FindProviderByKey(const std::string& key) = 0;
  // Calls `visit` for every course (active and withdrawn) in id order, with its offerings.
  // Stops early and returns the error if `visit` fails.
  virtual Status ForEachCourse(
      const std::function<Status(const Course&, const std::vector<Offering>&)>& visit) = 0;
  virtual Result<std::vector<Provider>> AllProviders() = 0;
  // Active courses after the `offset` first ones and with an id above `after`, in id order, at
  // most `limit`, each with its provider and offerings: the open-data export and OOAPI pages.
  // Keyset paging (`after`) keeps a long export cheap; `offset` serves page numbers.
  virtual Result<std::vector<CourseRecord>> ActiveCourses(CourseId after, int64_t offset,
                                                          int limit) = 0;
  virtual Result<int64_t> CountActiveCourses() = 0;

  virtual Result<std::vector<Change>> ChangesSince(int64_t seq, int limit) = 0;
  virtual Result<std::vector<Change>> History(EntityKind entity, int64_t id) = 0;

  // Replaces all reference data (regions, municipalities, postcodes, vocabulary) at once.
  virtual Status ReplaceReferenceData(const ReferenceData& data) = 0;
  virtual Result<ReferenceData> LoadReferenceData() = 0;

  virtual Result<std::optional<std::string>> GetMeta(const std::string& key) = 0;
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;
  virtual Result<StoreCounts> Counts() = 0;

  // Adds `delta` to the stored counters, in one transaction.
  virtual Status AddViewCounts(const ViewCounts& delta) = 0;
  virtual Result<ViewCounts> LoadViewCounts() = 0;

  // Moderation. Hiding writes a change row for every course it takes off the site (one, or all
  // of a provider's), so the search index and other followers drop them; lifting writes rows
  // to bring them back. HideEntity: NotFound for no such course or provider, Conflict when a
  // hold already stands on it.
  virtual Result<int64_t> HideEntity(EntityKind entity, int64_t id, const std::string& reason,
                                     const Actor& actor) = 0;
  virtual Status LiftHold(int64_t hold_id, const Actor& actor) = 0;  // NotFound; lifted: no-op
  // Holds on a provider and its courses (or all, without `provider`), newest first.
  virtual Result<std::vector<Hold>> Holds(std::optional<ProviderId> provider,
                                          bool standing_only) = 0;
  // Every course a standing hold takes off the site, directly or through its provider.
  virtual Result<std::vector<CourseId>> HiddenCourseIds() = 0;

  // A complaint about a course (its id and created_at are set here). NotFound: no such course.
  virtual Result<int64_t> AddComplaint(const Complaint& complaint) = 0;
  virtual Result<std::vector<Complaint>> Complaints(bool open_only, int limit) = 0;
  // status: "handled" or "dismissed" (InvalidArgument otherwise); NotFound: no such complaint.
  virtual Status SetComplaintStatus(int64_t id, const std::string& status, const std::string& note,
                                    const Actor& actor) = 0;

  // Stores a new key (its id, created_at and created_by are set here) and returns its id.
  // NotFound when the provider does not exist, Conflict when the key id is taken.
  virtual Result<int64_t> CreateApiKey(const ApiKeyRecord& key, const Actor& actor) = 0;
  // The key with this public id, revoked or not; empty when there is none.
  virtual Result<std::optional<ApiKeyRecord>> FindApiKey(std::string_view key_id) = 0;
  // Marks the key revoked; revoking it again keeps the first time. NotFound when there is none.
  virtual Status RevokeApiKey(int64_t id, const Actor& actor) = 0;
  // Every key (empty `provider`) or one provider's, by id; revoked ones included.
  virtual Result<std::vector<ApiKeyRecord>> ListApiKeys(std::optional<ProviderId> provider) = 0;
  // Stores `definition` as the next version of the scheme and returns it (its version, time and
  // actor set here). The caller checks the definition first (funding::SchemeRegistry).
  virtual Result<SchemeVersion> PublishSchemeVersion(const std::string& scheme_id,
                                                     const std::string& definition,
                                                     const Actor& actor) = 0;
  // The latest version of every published scheme, in order of first publication.
  virtual Result<std::vector<SchemeVersion>> LatestSchemeVersions() = 0;
  // Every version of one scheme, oldest first; empty when it was never published.
  virtual Result<std::vector<SchemeVersion>> SchemeHistory(const std::string& scheme_id) = 0;

  // Saved funding answers (auth/answer_vault.h): stored under the code's lookup hash until
  // `expires_at` (UTC seconds); saving also deletes every row that has expired. Conflict when
  // the lookup is taken (the caller makes a new code).
  virtual Status SaveAnswers(const std::string& lookup, const std::string& sealed,
                             int64_t expires_at) = 0;
  // The sealed answers, or empty when there are none or they have expired.
  virtual Result<std::optional<std::string>> LoadAnswers(const std::string& lookup) = 0;
  // Deletes them; false when there were none.
  virtual Result<bool> DeleteAnswers(const std::string& lookup) = 0;

  // Providers whose last change (to themselves or any of their courses) is before the cutoff,
  // the longest unchanged first.
  virtual Result<std::vector<StaleProvider>> StaleProviders(int64_t older_than_utc_seconds) = 0;
};

}  // namespace verder
