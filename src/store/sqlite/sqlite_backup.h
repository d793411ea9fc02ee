// store/sqlite/sqlite_backup.h — copies of the whole database, made and put back safely.
//
//   verder backup var/backup-2026-11-23.db     while the server runs
//   verder restore var/backup-2026-11-23.db    with the server stopped
//
// A backup is SQLite's online backup of a consistent snapshot: writers are held up only for
// short steps, and a backup cut off halfway (a kill, a full disk) never shows up as a file.
#pragma once

#include <string>

#include "core/status.h"

namespace verder {

// Writes a consistent copy of the database at `db` to the new file `to` (refused when `to`
// exists), via "<to>.partial" renamed into place once the copy has passed SQLite's quick_check.
Status BackupDatabase(const std::string& db, const std::string& to);

// Replaces the content of the database at `db` with the backup `from`, after checking that the
// backup is a complete, uncorrupted Verder database (integrity_check, its schema version known to
// this program). The replacement is one step for other readers: all of the backup or none.
// The server must be stopped: a running server's search index would not follow.
Status RestoreDatabase(const std::string& from, const std::string& db);

}  // namespace verder
