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
//
// Thread-safety: one Store may be used from several threads; writes are serialised inside.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

  virtual Result<CourseRecord> GetCourse(CourseId id) = 0;
  virtual Result<Provider> GetProvider(ProviderId id) = 0;
  virtual Result<std::optional<ProviderId>> FindProviderByKey(const std::string& key) = 0;
  // Calls `visit` for every course (active and withdrawn) in id order, with its offerings.
  // Stops early and returns the error if `visit` fails.
  virtual Status ForEachCourse(
      const std::function<Status(const Course&, const std::vector<Offering>&)>& visit) = 0;
  virtual Result<std::vector<Provider>> AllProviders() = 0;

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
};

}  // namespace verder
