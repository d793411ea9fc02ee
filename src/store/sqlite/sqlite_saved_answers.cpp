// Saved funding answers: sealed text under a lookup hash, nothing else (auth/answer_vault.h).
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

Status SqliteStore::SaveAnswers(const std::string& lookup, const std::string& sealed,
                                int64_t expires_at) {
  if (lookup.empty()) return InvalidArgument("lookup", "is empty");
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  // Expired answers go as soon as anyone saves: no separate clean-up job to forget.
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * purge,
                          Stmt("DELETE FROM saved_answers WHERE expires_at <= ?"));
  purge->Bind(1, clock_->NowUnixSeconds());
  VERDER_RETURN_IF_ERROR(purge->Run());
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * taken,
                          Stmt("SELECT 1 FROM saved_answers WHERE lookup = ?"));
  taken->Bind(1, lookup);
  VERDER_ASSIGN_OR_RETURN(bool is_taken, taken->Step());
  taken->Reset();
  if (is_taken) return Error{ErrorCode::kConflict, "lookup", "these answers exist already"};
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * insert,
      Stmt("INSERT INTO saved_answers(lookup, sealed, expires_at) VALUES (?, ?, ?)"));
  insert->Bind(1, lookup);
  insert->Bind(2, sealed);
  insert->Bind(3, expires_at);
  VERDER_RETURN_IF_ERROR(insert->Run());
  return tx.Commit();
}

Result<std::optional<std::string>> SqliteStore::LoadAnswers(const std::string& lookup) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * find,
      Stmt("SELECT sealed FROM saved_answers WHERE lookup = ? AND expires_at > ?"));
  find->Bind(1, lookup);
  find->Bind(2, clock_->NowUnixSeconds());
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return std::optional<std::string>();
  std::string sealed = find->ColumnText(0);
  find->Reset();
  return std::optional<std::string>(std::move(sealed));
}

Result<bool> SqliteStore::DeleteAnswers(const std::string& lookup) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * remove,
                          Stmt("DELETE FROM saved_answers WHERE lookup = ?"));
  remove->Bind(1, lookup);
  VERDER_RETURN_IF_ERROR(remove->Run());
  return db_.Changes() > 0;
}

}  // namespace verder
