// The change log, which is also the audit trail: the history half of SqliteStore.
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

const char* ChangeActionName(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "create";
    case ChangeAction::kUpdate:
      return "update";
    case ChangeAction::kWithdraw:
      return "withdraw";
  }
  return "update";
}

namespace {

const char* EntityName(EntityKind entity) {
  return entity == EntityKind::kProvider ? "provider" : "course";
}

ChangeAction ParseAction(const std::string& name) {
  if (name == "create") return ChangeAction::kCreate;
  if (name == "withdraw") return ChangeAction::kWithdraw;
  return ChangeAction::kUpdate;
}

}  // namespace

Result<int64_t> SqliteStore::AppendChange(const Actor& actor, EntityKind entity, int64_t entity_id,
                                          ChangeAction action, const std::string& diff) {
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * insert,
                          Stmt("INSERT INTO audit(at, actor, entity, entity_id, action, diff) "
                               "VALUES (?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, clock_->NowUnixSeconds());
  insert->Bind(2, actor.name);
  insert->Bind(3, std::string_view(EntityName(entity)));
  insert->Bind(4, entity_id);
  insert->Bind(5, std::string_view(ChangeActionName(action)));
  insert->Bind(6, diff);
  VERDER_RETURN_IF_ERROR(insert->Run());
  return db_.LastInsertRowId();
}

Result<std::vector<Change>> SqliteStore::QueryChanges(const std::string& where, int64_t a,
                                                      int64_t b) {
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * query,
                          Stmt("SELECT seq, at, actor, entity, entity_id, action, diff FROM audit "
                               "WHERE " +
                               where));
  query->Bind(1, a);
  query->Bind(2, b);
  std::vector<Change> changes;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    Change c;
    c.seq = query->ColumnInt(0);
    c.at = query->ColumnInt(1);
    c.actor = query->ColumnText(2);
    c.entity = query->ColumnText(3) == "provider" ? EntityKind::kProvider : EntityKind::kCourse;
    c.entity_id = query->ColumnInt(4);
    c.action = ParseAction(query->ColumnText(5));
    c.diff_json = query->ColumnText(6);
    changes.push_back(std::move(c));
  }
  return changes;
}

Result<std::vector<Change>> SqliteStore::ChangesSince(int64_t seq, int limit) {
  std::lock_guard lock(mu_);
  return QueryChanges("seq > ? ORDER BY seq LIMIT ?", seq, limit);
}

Result<std::vector<Change>> SqliteStore::History(EntityKind entity, int64_t id) {
  std::lock_guard lock(mu_);
  return QueryChanges(entity == EntityKind::kProvider
                          ? "entity = 'provider' AND entity_id = ? AND seq > ? ORDER BY seq"
                          : "entity = 'course' AND entity_id = ? AND seq > ? ORDER BY seq",
                      id, 0);
}

}  // namespace verder
