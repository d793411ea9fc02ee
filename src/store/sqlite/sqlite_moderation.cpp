// Holds and complaints: the moderation half of SqliteStore.
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

namespace {

constexpr const char* kHoldColumns =
    "SELECT id, entity, entity_id, reason, hidden_at, hidden_by, lifted_at, lifted_by FROM holds ";
constexpr const char* kComplaintColumns =
    "SELECT id, course_id, category, message, created_at, status, handled_at, handled_by, note "
    "FROM complaints ";

std::string_view EntityText(EntityKind entity) {
  return entity == EntityKind::kProvider ? "provider" : "course";
}

Hold HoldFromRow(const SqliteStatement& row) {
  Hold h;
  h.id = row.ColumnInt(0);
  h.entity = row.ColumnText(1) == "provider" ? EntityKind::kProvider : EntityKind::kCourse;
  h.entity_id = row.ColumnInt(2);
  h.reason = row.ColumnText(3);
  h.hidden_at = row.ColumnInt(4);
  h.hidden_by = row.ColumnText(5);
  if (!row.ColumnIsNull(6)) h.lifted_at = row.ColumnInt(6);
  h.lifted_by = row.ColumnText(7);
  return h;
}

Complaint ComplaintFromRow(const SqliteStatement& row) {
  Complaint c;
  c.id = row.ColumnInt(0);
  c.course_id = row.ColumnInt(1);
  c.category = row.ColumnText(2);
  c.message = row.ColumnText(3);
  c.created_at = row.ColumnInt(4);
  c.status = row.ColumnText(5);
  if (!row.ColumnIsNull(6)) c.handled_at = row.ColumnInt(6);
  c.handled_by = row.ColumnText(7);
  c.note = row.ColumnText(8);
  return c;
}

}  // namespace

Result<std::optional<std::string>> SqliteStore::HoldReason(CourseId id, ProviderId provider) {
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * find,
      Stmt("SELECT reason FROM holds WHERE lifted_at IS NULL AND ((entity = 'course' AND "
           "entity_id = ?) OR (entity = 'provider' AND entity_id = ?)) ORDER BY id LIMIT 1"));
  find->Bind(1, id);
  find->Bind(2, provider);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  std::optional<std::string> reason;
  if (found) reason = find->ColumnText(0);
  find->Reset();
  return reason;
}

Status SqliteStore::RecordHoldChange(EntityKind entity, int64_t id, const std::string& reason,
                                     bool hidden, const Actor& actor) {
  const nlohmann::json diff = {{"hidden", hidden ? nlohmann::json::array({nullptr, reason})
                                                 : nlohmann::json::array({reason, nullptr})}};
  std::vector<CourseId> courses;
  if (entity == EntityKind::kCourse) {
    courses.push_back(id);
  } else {
    VERDER_RETURN_IF_ERROR(
        AppendChange(actor, EntityKind::kProvider, id, ChangeAction::kUpdate, diff.dump())
            .status());
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * list,
                            Stmt("SELECT id FROM courses WHERE provider_id = ? ORDER BY id"));
    list->Bind(1, id);
    while (true) {
      VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
      if (!row) break;
      courses.push_back(list->ColumnInt(0));
    }
    list->Reset();
  }
  for (CourseId course : courses) {
    VERDER_RETURN_IF_ERROR(
        AppendChange(actor, EntityKind::kCourse, course, ChangeAction::kUpdate, diff.dump())
            .status());
  }
  return Status();
}

Result<int64_t> SqliteStore::HideEntity(EntityKind entity, int64_t id, const std::string& reason,
                                        const Actor& actor) {
  if (reason.empty()) return InvalidArgument("reason", "say why: the provider will read it");
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * exists,
      Stmt(entity == EntityKind::kProvider ? "SELECT 1 FROM providers WHERE id = ?"
                                           : "SELECT 1 FROM courses WHERE id = ?"));
  exists->Bind(1, id);
  VERDER_ASSIGN_OR_RETURN(bool found, exists->Step());
  exists->Reset();
  if (!found) {
    return NotFound(std::string("no ") + std::string(EntityText(entity)) + " with id " +
                    std::to_string(id));
  }
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * standing,
      Stmt("SELECT 1 FROM holds WHERE entity = ? AND entity_id = ? AND lifted_at IS NULL"));
  standing->Bind(1, EntityText(entity));
  standing->Bind(2, id);
  VERDER_ASSIGN_OR_RETURN(bool already, standing->Step());
  standing->Reset();
  if (already) return Error{ErrorCode::kConflict, "id", "a hold already stands on it"};
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * insert,
                          Stmt("INSERT INTO holds(entity, entity_id, reason, hidden_at, "
                               "hidden_by) VALUES (?, ?, ?, ?, ?)"));
  insert->Bind(1, EntityText(entity));
  insert->Bind(2, id);
  insert->Bind(3, reason);
  insert->Bind(4, clock_->NowUnixSeconds());
  insert->Bind(5, actor.name);
  VERDER_RETURN_IF_ERROR(insert->Run());
  const int64_t hold = db_.LastInsertRowId();
  VERDER_RETURN_IF_ERROR(RecordHoldChange(entity, id, reason, true, actor));
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return hold;
}

Status SqliteStore::LiftHold(int64_t hold_id, const Actor& actor) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt(std::string(kHoldColumns) + "WHERE id = ?"));
  find->Bind(1, hold_id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return NotFound("no hold with id " + std::to_string(hold_id));
  const Hold hold = HoldFromRow(*find);
  find->Reset();
  if (hold.lifted_at) return tx.Commit();
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * lift,
      Stmt("UPDATE holds SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL"));
  lift->Bind(1, clock_->NowUnixSeconds());
  lift->Bind(2, actor.name);
  lift->Bind(3, hold_id);
  VERDER_RETURN_IF_ERROR(lift->Run());
  VERDER_RETURN_IF_ERROR(RecordHoldChange(hold.entity, hold.entity_id, hold.reason, false, actor));
  return tx.Commit();
}

Result<std::vector<Hold>> SqliteStore::Holds(std::optional<ProviderId> provider,
                                             bool standing_only) {
  std::lock_guard lock(mu_);
  std::string where = standing_only ? "WHERE lifted_at IS NULL " : "WHERE 1 ";
  if (provider) {
    where +=
        "AND ((entity = 'provider' AND entity_id = ?1) OR (entity = 'course' AND entity_id IN "
        "(SELECT id FROM courses WHERE provider_id = ?1))) ";
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * list,
                          Stmt(std::string(kHoldColumns) + where + "ORDER BY id DESC"));
  if (provider) list->Bind(1, *provider);
  return AllRows<Hold>(list, HoldFromRow);
}

Result<std::vector<CourseId>> SqliteStore::HiddenCourseIds() {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * list,
      Stmt("SELECT entity_id FROM holds WHERE lifted_at IS NULL AND entity = 'course' UNION "
           "SELECT c.id FROM courses c JOIN holds h ON h.entity = 'provider' AND h.entity_id = "
           "c.provider_id AND h.lifted_at IS NULL ORDER BY 1"));
  std::vector<CourseId> ids;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
    if (!row) break;
    ids.push_back(list->ColumnInt(0));
  }
  list->Reset();
  return ids;
}

Result<int64_t> SqliteStore::AddComplaint(const Complaint& complaint) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * exists, Stmt("SELECT 1 FROM courses WHERE id = ?"));
  exists->Bind(1, complaint.course_id);
  VERDER_ASSIGN_OR_RETURN(bool found, exists->Step());
  exists->Reset();
  if (!found) return NotFound("no course with id " + std::to_string(complaint.course_id));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * insert,
                          Stmt("INSERT INTO complaints(course_id, category, message, created_at) "
                               "VALUES (?, ?, ?, ?)"));
  insert->Bind(1, complaint.course_id);
  insert->Bind(2, complaint.category);
  insert->Bind(3, complaint.message);
  insert->Bind(4, clock_->NowUnixSeconds());
  VERDER_RETURN_IF_ERROR(insert->Run());
  return db_.LastInsertRowId();
}

Result<std::vector<Complaint>> SqliteStore::Complaints(bool open_only, int limit) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * list, Stmt(std::string(kComplaintColumns) +
                                                       (open_only ? "WHERE status = 'open' " : "") +
                                                       "ORDER BY id LIMIT ?"));
  list->Bind(1, static_cast<int64_t>(std::max(0, limit)));
  return AllRows<Complaint>(list, ComplaintFromRow);
}

Status SqliteStore::SetComplaintStatus(int64_t id, const std::string& status,
                                       const std::string& note, const Actor& actor) {
  if (status != "handled" && status != "dismissed") {
    return InvalidArgument("status", "is handled or dismissed");
  }
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * update,
                          Stmt("UPDATE complaints SET status = ?, note = ?, handled_at = ?, "
                               "handled_by = ? WHERE id = ?"));
  update->Bind(1, status);
  update->Bind(2, note);
  update->Bind(3, clock_->NowUnixSeconds());
  update->Bind(4, actor.name);
  update->Bind(5, id);
  VERDER_RETURN_IF_ERROR(update->Run());
  if (db_.Changes() == 0) return NotFound("no complaint with id " + std::to_string(id));
  return Status();
}

}  // namespace verder
