// store/sqlite/sqlite_db.h — a thin RAII layer over the SQLite C API, private to store/sqlite.
//
// Every failure becomes an Error that names the database file and what to do, so a locked,
// full or corrupt database is reported clearly instead of crashing.
//
//   SqliteDb db = SqliteDb::Open("var/verder.db").value();
//   SqliteStatement st = db.Prepare("SELECT doc FROM courses WHERE id = ?").value();
//   st.Bind(1, id);
//   while (st.Step().value()) Use(st.ColumnText(0));
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace verder {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3_stmt* stmt, const std::string* path) : stmt_(stmt), path_(path) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binds by 1-based index. Text is copied by SQLite (SQLITE_TRANSIENT).
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void Bind(int index, std::string_view text);
  void BindNull(int index);
  // True when a row is ready, false when done. Resets automatically on the next Bind after done.
  Result<bool> Step();
  // Runs to completion, for statements that return no rows.
  Status Run();
  void Reset();

  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;
  bool ColumnIsNull(int index) const;

 private:
  sqlite3_stmt* stmt_;
  const std::string* path_;
};

class SqliteDb {
 public:
  // Opens (creating when missing) with WAL, foreign keys and a busy timeout.
  static Result<SqliteDb> Open(const std::string& path);
  // Opens an existing database for reading only (backups are read this way).
  static Result<SqliteDb> OpenReadOnly(const std::string& path);
  // Opens (creating when missing) with SQLite's defaults: a rollback journal, so the file is
  // complete on its own once closed (a backup being written).
  static Result<SqliteDb> OpenPlain(const std::string& path);
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb();

  Status Exec(const std::string& sql);
  Result<SqliteStatement> Prepare(const std::string& sql);
  int64_t LastInsertRowId() const;
  int64_t Changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
  const std::string& path() const { return *path_; }
  sqlite3* handle() const { return db_; }

 private:
  SqliteDb(sqlite3* db, std::string path);
  static Result<SqliteDb> OpenWithFlags(const std::string& path, int flags);
  sqlite3* db_;
  std::unique_ptr<std::string> path_;  // stable address for statements' error messages
};

// Maps an SQLite result code to an Error that names the file and what a person can do.
Error SqliteError(int rc, const std::string& path, const std::string& detail);

// Runs the body in BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
class SqliteTransaction {
 public:
  static Result<SqliteTransaction> Begin(SqliteDb* db);
  SqliteTransaction(SqliteTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();
  Status Commit();

 private:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

}  // namespace verder
