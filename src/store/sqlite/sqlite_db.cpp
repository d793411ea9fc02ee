#include "store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace verder {

Error SqliteError(int rc, const std::string& path, const std::string& detail) {
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable("the database " + path +
                         " is locked by another process; stop the other verder process or wait, "
                         "then try again (" +
                         detail + ")");
    case SQLITE_FULL:
      return Unavailable("the disk holding " + path +
                         " is full; nothing of this batch was written. Free some space and try "
                         "again (" +
                         detail + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Internal("the database file " + path +
                      " is damaged or not a Verder database; restore it from a backup (verder "
                      "backup) or move it away to start afresh (" +
                      detail + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
      return Unavailable("cannot read or write the database " + path +
                         "; check that the folder exists and is writable (" + detail + ")");
    default:
      return Internal("database " + path + ": " + detail);
  }
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : stmt_(other.stmt_), path_(other.path_) {
  other.stmt_ = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    path_ = other.path_;
    other.stmt_ = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void SqliteStatement::Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void SqliteStatement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(stmt_);
    return false;
  }
  Error error = SqliteError(rc, *path_, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  sqlite3_reset(stmt_);
  return error;
}

Status SqliteStatement::Run() {
  Result<bool> r = Step();
  if (!r.ok()) return r.error();
  if (r.value()) Reset();
  return Status();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }
double SqliteStatement::ColumnDouble(int index) const {
  return sqlite3_column_double(stmt_, index);
}
std::string SqliteStatement::ColumnText(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
}

bool SqliteStatement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

SqliteDb::SqliteDb(sqlite3* db, std::string path)
    : db_(db), path_(std::make_unique<std::string>(std::move(path))) {}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
  other.db_ = nullptr;
}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    other.db_ = nullptr;
  }
  return *this;
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Result<SqliteDb> SqliteDb::OpenWithFlags(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : "cannot open";
    sqlite3_close(raw);
    return SqliteError(rc, path, detail);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  return SqliteDb(raw, path);
}

Result<SqliteDb> SqliteDb::OpenReadOnly(const std::string& path) {
  return OpenWithFlags(path, SQLITE_OPEN_READONLY);
}

Result<SqliteDb> SqliteDb::OpenPlain(const std::string& path) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

Result<SqliteDb> SqliteDb::Open(const std::string& path) {
  VERDER_ASSIGN_OR_RETURN(SqliteDb db,
                          OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  // WAL: readers never wait for the writer; NORMAL sync is durable at every checkpoint and
  // never corrupts on power loss (a last transaction may roll back, never half-apply).
  VERDER_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  VERDER_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  VERDER_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  VERDER_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = -65536"));
  return db;
}

Status SqliteDb::Exec(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message != nullptr ? message : "error";
    sqlite3_free(message);
    return SqliteError(rc, *path_, detail);
  }
  return Status();
}

Result<SqliteStatement> SqliteDb::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(rc, *path_, sqlite3_errmsg(db_));
  return SqliteStatement(stmt, path_.get());
}

int64_t SqliteDb::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t SqliteDb::Changes() const { return sqlite3_changes64(db_); }

Result<SqliteTransaction> SqliteTransaction::Begin(SqliteDb* db) {
  VERDER_RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
  return SqliteTransaction(db);
}

Status SqliteTransaction::Commit() {
  SqliteDb* db = db_;
  db_ = nullptr;
  Status s = db->Exec("COMMIT");
  if (!s.ok()) (void)db->Exec("ROLLBACK");
  return s;
}

SqliteTransaction::~SqliteTransaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

}  // namespace verder
