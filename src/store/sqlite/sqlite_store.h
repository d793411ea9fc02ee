// store/sqlite/sqlite_store.h — the embedded SQLite backend of Store.
//
//   auto store = OpenSqliteStore(SqliteStoreOptions{.path = "var/verder.db"}, &clock);
//   if (!store.ok()) { print store.error().message; exit 1; }
//
// Opening applies pending migrations. Fails with a clear Error for a locked, unreadable or
// corrupt file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/date.h"
#include "store/store.h"

namespace verder {

struct SqliteStoreOptions {
  std::string path;
  // Caps the database size in pages (0: no cap). Lets tests play "the disk is full".
  int64_t max_page_count = 0;
};

// `clock` must outlive the store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteStoreOptions& options,
                                               const Clock* clock);

}  // namespace verder
