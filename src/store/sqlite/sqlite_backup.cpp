#include "store/sqlite/sqlite_backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "store/migrations.h"
#include "store/sqlite/sqlite_db.h"

namespace verder {
namespace {

// Pages copied per step: small enough that a writer never waits long for the source lock.
constexpr int kPagesPerStep = 256;

// Copies every page of `from` into `to` with sqlite3_backup_*: a consistent snapshot of `from`,
// applied to `to` as one transaction.
Status CopyPages(SqliteDb* from, SqliteDb* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to->handle(), "main", from->handle(), "main");
  if (backup == nullptr) {
    return SqliteError(sqlite3_errcode(to->handle()), to->path(), sqlite3_errmsg(to->handle()));
  }
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return SqliteError(rc, to->path(), sqlite3_errstr(rc));
  return Status();
}

// The first row of `pragma` (e.g. "PRAGMA quick_check") as text.
Result<std::string> PragmaText(SqliteDb* db, const std::string& pragma) {
  VERDER_ASSIGN_OR_RETURN(SqliteStatement st, db->Prepare(pragma));
  VERDER_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.ColumnText(0) : std::string();
}

// The backup at `path` is a whole Verder database this program can serve.
Status CheckBackup(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFound("no backup file " + path);
  }
  VERDER_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::OpenReadOnly(path));
  Result<std::string> integrity = PragmaText(&db, "PRAGMA integrity_check");
  if (!integrity.ok() || integrity.value() != "ok") {
    return InvalidArgument(
        "backup",
        path + " is damaged: " + (integrity.ok() ? integrity.value() : integrity.error().message));
  }
  Result<std::string> version =
      PragmaText(&db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!version.ok()) {
    return InvalidArgument("backup", path + " is not a Verder database (no schema_migrations)");
  }
  if (std::stoll(version.value()) > AllMigrations().back().version) {
    return InvalidArgument("backup", path + " was made by a newer Verder (schema version " +
                                         version.value() + "); update this program first");
  }
  return Status();
}

}  // namespace

Status BackupDatabase(const std::string& db, const std::string& to) {
  std::error_code ec;
  if (std::filesystem::exists(to, ec)) {
    return InvalidArgument("backup", to + " exists already; choose a new name");
  }
  if (!std::filesystem::is_regular_file(db, ec)) return NotFound("no database " + db);
  const std::string partial = to + ".partial";
  std::filesystem::remove(partial, ec);
  {
    VERDER_ASSIGN_OR_RETURN(SqliteDb source, SqliteDb::OpenReadOnly(db));
    VERDER_ASSIGN_OR_RETURN(SqliteDb target, SqliteDb::OpenPlain(partial));
    Status copied = CopyPages(&source, &target);
    if (copied.ok()) {
      Result<std::string> check = PragmaText(&target, "PRAGMA quick_check");
      if (!check.ok()) copied = check.error();
      if (check.ok() && check.value() != "ok") {
        copied = Internal("the copy failed its check: " + check.value());
      }
    }
    if (!copied.ok()) {
      std::filesystem::remove(partial, ec);
      return copied;
    }
  }
  std::filesystem::rename(partial, to, ec);
  if (ec) return Unavailable("cannot rename " + partial + " to " + to + ": " + ec.message());
  return Status();
}

Status RestoreDatabase(const std::string& from, const std::string& db) {
  VERDER_RETURN_IF_ERROR(CheckBackup(from));
  VERDER_ASSIGN_OR_RETURN(SqliteDb source, SqliteDb::OpenReadOnly(from));
  VERDER_ASSIGN_OR_RETURN(SqliteDb target, SqliteDb::Open(db));
  VERDER_RETURN_IF_ERROR(CopyPages(&source, &target));
  VERDER_ASSIGN_OR_RETURN(std::string check, PragmaText(&target, "PRAGMA quick_check"));
  if (check != "ok") return Internal("the restored database failed its check: " + check);
  return Status();
}

}  // namespace verder
