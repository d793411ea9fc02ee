#include "store/sqlite/sqlite_store.h"

#include <set>

#include "catalog/course_json.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

using nlohmann::json;

json DiffDocs(const json& before, const json& after) {
  json diff = json::object();
  for (const auto& [key, value] : after.items()) {
    const auto old = before.find(key);
    if (old == before.end()) {
      diff[key] = json::array({nullptr, value});
    } else if (*old != value) {
      diff[key] = json::array({*old, value});
    }
  }
  for (const auto& [key, value] : before.items()) {
    if (!after.contains(key)) diff[key] = json::array({value, nullptr});
  }
  return diff;
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteStoreOptions& options,
                                               const Clock* clock) {
  VERDER_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::Open(options.path));
  if (options.max_page_count > 0) {
    VERDER_RETURN_IF_ERROR(
        db.Exec("PRAGMA max_page_count = " + std::to_string(options.max_page_count)));
  }
  auto store = std::make_unique<SqliteStore>(std::move(db), clock);
  VERDER_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

Result<SqliteStatement*> SqliteStore::Stmt(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    VERDER_ASSIGN_OR_RETURN(SqliteStatement st, db_.Prepare(sql));
    it = statements_.emplace(sql, std::make_unique<SqliteStatement>(std::move(st))).first;
  }
  it->second->Reset();
  return it->second.get();
}

Status SqliteStore::Migrate() {
  std::lock_guard lock(mu_);
  VERDER_RETURN_IF_ERROR(
      db_.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement current,
                          db_.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  VERDER_ASSIGN_OR_RETURN(bool has_row, current.Step());
  const int64_t version = has_row ? current.ColumnInt(0) : 0;
  current.Reset();
  for (const Migration& m : AllMigrations()) {
    if (m.version <= version) continue;
    VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
    VERDER_RETURN_IF_ERROR(db_.Exec(m.sql));
    VERDER_ASSIGN_OR_RETURN(
        SqliteStatement mark,
        db_.Prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
    mark.Bind(1, static_cast<int64_t>(m.version));
    mark.Bind(2, std::string_view(m.name));
    mark.Bind(3, clock_->NowUnixSeconds());
    VERDER_RETURN_IF_ERROR(mark.Run());
    VERDER_RETURN_IF_ERROR(tx.Commit());
  }
  return Status();
}

Result<UpsertReport> SqliteStore::UpsertProviders(const std::vector<Provider>& providers,
                                                  const Actor& actor) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_->NowUnixSeconds();
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  UpsertReport report;
  for (const Provider& p : providers) {
    json doc = ToJson(p);
    doc.erase("id");
    const std::string text = doc.dump();
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * find,
                            Stmt("SELECT id, doc FROM providers WHERE key = ?"));
    find->Bind(1, p.key);
    VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
    int64_t id = 0;
    if (found) {
      id = find->ColumnInt(0);
      const std::string old_text = find->ColumnText(1);
      find->Reset();
      if (old_text == text) {
        ++report.unchanged;
        report.ids.push_back(id);
        continue;
      }
      VERDER_ASSIGN_OR_RETURN(int64_t seq,
                              AppendChange(actor, EntityKind::kProvider, id, ChangeAction::kUpdate,
                                           DiffDocs(json::parse(old_text), doc).dump()));
      VERDER_ASSIGN_OR_RETURN(
          SqliteStatement * update,
          Stmt("UPDATE providers SET is_demo = ?, doc = ?, updated_at = ?, change_seq = ? "
               "WHERE id = ?"));
      update->Bind(1, static_cast<int64_t>(p.is_demo));
      update->Bind(2, text);
      update->Bind(3, now);
      update->Bind(4, seq);
      update->Bind(5, id);
      VERDER_RETURN_IF_ERROR(update->Run());
      ++report.updated;
    } else {
      VERDER_ASSIGN_OR_RETURN(SqliteStatement * insert,
                              Stmt("INSERT INTO providers(key, is_demo, doc, updated_at, "
                                   "change_seq) VALUES (?, ?, ?, ?, 0)"));
      insert->Bind(1, p.key);
      insert->Bind(2, static_cast<int64_t>(p.is_demo));
      insert->Bind(3, text);
      insert->Bind(4, now);
      VERDER_RETURN_IF_ERROR(insert->Run());
      id = db_.LastInsertRowId();
      VERDER_ASSIGN_OR_RETURN(
          int64_t seq, AppendChange(actor, EntityKind::kProvider, id, ChangeAction::kCreate, ""));
      VERDER_ASSIGN_OR_RETURN(SqliteStatement * set_seq,
                              Stmt("UPDATE providers SET change_seq = ? WHERE id = ?"));
      set_seq->Bind(1, seq);
      set_seq->Bind(2, id);
      VERDER_RETURN_IF_ERROR(set_seq->Run());
      ++report.created;
    }
    report.ids.push_back(id);
  }
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return report;
}

Result<UpsertReport> SqliteStore::UpsertCourses(const std::vector<CourseWithOfferings>& courses,
                                                const Actor& actor) {
  DocsAhead docs(courses);
  std::lock_guard lock(mu_);
  const int64_t now = clock_->NowUnixSeconds();
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  UpsertReport report;
  for (size_t i = 0; i < courses.size(); ++i) {
    VERDER_ASSIGN_OR_RETURN(int64_t id,
                            UpsertOneCourse(courses[i], docs.Take(i), actor, now, &report));
    report.ids.push_back(id);
  }
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return report;
}

Result<bool> SqliteStore::WithdrawOne(CourseId id, const Actor& actor, int64_t now) {
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find,
                          Stmt("SELECT doc, status FROM courses WHERE id = ?"));
  find->Bind(1, id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return NotFound("no course with id " + std::to_string(id));
  json doc = json::parse(find->ColumnText(0));
  const std::string withdrawn = CourseStatusName(CourseStatus::kWithdrawn);
  const bool already = find->ColumnText(1) == withdrawn;
  find->Reset();
  if (already) return false;
  const json before = doc;
  doc["status"] = withdrawn;
  VERDER_ASSIGN_OR_RETURN(int64_t seq,
                          AppendChange(actor, EntityKind::kCourse, id, ChangeAction::kWithdraw,
                                       DiffDocs(before, doc).dump()));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * update,
                          Stmt("UPDATE courses SET status = ?, doc = ?, updated_at = ?, "
                               "change_seq = ? WHERE id = ?"));
  update->Bind(1, withdrawn);
  update->Bind(2, doc.dump());
  update->Bind(3, now);
  update->Bind(4, seq);
  update->Bind(5, id);
  VERDER_RETURN_IF_ERROR(update->Run());
  return true;
}

Status SqliteStore::WithdrawCourse(CourseId id, const Actor& actor) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_RETURN_IF_ERROR(WithdrawOne(id, actor, clock_->NowUnixSeconds()).status());
  return tx.Commit();
}

Result<FeedSyncReport> SqliteStore::SyncProviderCourses(
    ProviderId provider, const std::vector<CourseWithOfferings>& courses,
    const FeedSyncOptions& options, const Actor& actor) {
  for (size_t i = 0; i < courses.size(); ++i) {
    if (courses[i].course.provider_id != provider) {
      return InvalidArgument("courses[" + std::to_string(i) + "].provider_id",
                             "a feed may only hold its own provider's courses");
    }
  }
  DocsAhead docs(courses);
  std::lock_guard lock(mu_);
  const int64_t now = clock_->NowUnixSeconds();
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  FeedSyncReport report;
  std::set<std::string> sent(options.keep.begin(), options.keep.end());
  for (size_t i = 0; i < courses.size(); ++i) {
    VERDER_ASSIGN_OR_RETURN(int64_t id,
                            UpsertOneCourse(courses[i], docs.Take(i), actor, now, &report.upsert));
    report.upsert.ids.push_back(id);
    sent.insert(courses[i].course.external_id);
  }
  if (options.full) {
    VERDER_ASSIGN_OR_RETURN(
        SqliteStatement * list,
        Stmt("SELECT id, external_id FROM courses WHERE provider_id = ? AND status = ?"));
    list->Bind(1, provider);
    list->Bind(2, std::string(CourseStatusName(CourseStatus::kActive)));
    std::vector<CourseId> missing;
    while (true) {
      VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
      if (!row) break;
      if (sent.count(list->ColumnText(1)) == 0) missing.push_back(list->ColumnInt(0));
    }
    list->Reset();
    for (CourseId id : missing) {
      VERDER_ASSIGN_OR_RETURN(bool changed, WithdrawOne(id, actor, now));
      if (changed) report.withdrawn.push_back(id);
    }
  }
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return report;
}

Result<CourseId> SqliteStore::WithdrawProviderCourse(ProviderId provider,
                                                     const std::string& external_id,
                                                     const Actor& actor) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find,
                          Stmt("SELECT id FROM courses WHERE provider_id = ? AND external_id = ?"));
  find->Bind(1, provider);
  find->Bind(2, external_id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return NotFound("this provider has no course with id " + external_id);
  const CourseId id = find->ColumnInt(0);
  find->Reset();
  VERDER_RETURN_IF_ERROR(WithdrawOne(id, actor, clock_->NowUnixSeconds()).status());
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return id;
}

}  // namespace verder
