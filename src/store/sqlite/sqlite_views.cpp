// Aggregated view counters: the insight half of SqliteStore.
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

Status SqliteStore::AddViewCounts(const ViewCounts& delta) {
  if (delta.views.empty() && delta.pairs.empty()) return Status();
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * add_view,
      Stmt("INSERT INTO course_views(course_id, views) VALUES (?, ?) "
           "ON CONFLICT(course_id) DO UPDATE SET views = views + excluded.views"));
  for (const auto& [id, views] : delta.views) {
    add_view->Bind(1, id);
    add_view->Bind(2, views);
    VERDER_RETURN_IF_ERROR(add_view->Run());
  }
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * add_pair,
      Stmt("INSERT INTO course_pairs(a, b, together) VALUES (?, ?, ?) "
           "ON CONFLICT(a, b) DO UPDATE SET together = together + excluded.together"));
  for (const ViewCounts::Pair& p : delta.pairs) {
    add_pair->Bind(1, p.a);
    add_pair->Bind(2, p.b);
    add_pair->Bind(3, p.together);
    VERDER_RETURN_IF_ERROR(add_pair->Run());
  }
  return tx.Commit();
}

Result<ViewCounts> SqliteStore::LoadViewCounts() {
  std::lock_guard lock(mu_);
  ViewCounts counts;
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * views,
                          Stmt("SELECT course_id, views FROM course_views"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, views->Step());
    if (!row) break;
    counts.views.emplace_back(views->ColumnInt(0), views->ColumnInt(1));
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * pairs, Stmt("SELECT a, b, together FROM course_pairs"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, pairs->Step());
    if (!row) break;
    counts.pairs.push_back({pairs->ColumnInt(0), pairs->ColumnInt(1), pairs->ColumnInt(2)});
  }
  return counts;
}

}  // namespace verder
