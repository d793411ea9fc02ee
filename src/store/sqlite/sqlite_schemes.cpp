// Published funding scheme versions: the funding half of SqliteStore.
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

namespace {

constexpr const char* kVersionColumns =
    "SELECT scheme_id, version, definition, published_at, published_by FROM scheme_versions ";

SchemeVersion VersionFromRow(const SqliteStatement& row) {
  SchemeVersion v;
  v.scheme_id = row.ColumnText(0);
  v.version = row.ColumnInt(1);
  v.definition = row.ColumnText(2);
  v.published_at = row.ColumnInt(3);
  v.published_by = row.ColumnText(4);
  return v;
}

}  // namespace

Result<SchemeVersion> SqliteStore::PublishSchemeVersion(const std::string& scheme_id,
                                                        const std::string& definition,
                                                        const Actor& actor) {
  if (scheme_id.empty()) return InvalidArgument("id", "is empty");
  if (definition.empty()) return InvalidArgument("definition", "is empty");
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * last,
      Stmt("SELECT COALESCE(MAX(version), 0) FROM scheme_versions WHERE scheme_id = ?"));
  last->Bind(1, scheme_id);
  VERDER_ASSIGN_OR_RETURN(bool row, last->Step());
  const int64_t previous = row ? last->ColumnInt(0) : 0;
  last->Reset();
  SchemeVersion v{.scheme_id = scheme_id,
                  .version = previous + 1,
                  .definition = definition,
                  .published_at = clock_->NowUnixSeconds(),
                  .published_by = actor.name};
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * insert,
      Stmt("INSERT INTO scheme_versions(scheme_id, version, definition, published_at, "
           "published_by) VALUES (?, ?, ?, ?, ?)"));
  insert->Bind(1, v.scheme_id);
  insert->Bind(2, v.version);
  insert->Bind(3, v.definition);
  insert->Bind(4, v.published_at);
  insert->Bind(5, v.published_by);
  VERDER_RETURN_IF_ERROR(insert->Run());
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return v;
}

Result<std::vector<SchemeVersion>> SqliteStore::LatestSchemeVersions() {
  std::lock_guard lock(mu_);
  // The UNIQUE (scheme_id, version) index serves the inner MAX.
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * latest,
      Stmt(std::string(kVersionColumns) +
           "AS v WHERE version = (SELECT MAX(version) FROM scheme_versions WHERE scheme_id = "
           "v.scheme_id) ORDER BY (SELECT MIN(id) FROM scheme_versions WHERE scheme_id = "
           "v.scheme_id)"));
  return AllRows<SchemeVersion>(latest, VersionFromRow);
}

Result<std::vector<SchemeVersion>> SqliteStore::SchemeHistory(const std::string& scheme_id) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * history, Stmt(std::string(kVersionColumns) +
                                                          "WHERE scheme_id = ? ORDER BY version"));
  history->Bind(1, scheme_id);
  return AllRows<SchemeVersion>(history, VersionFromRow);
}

}  // namespace verder
