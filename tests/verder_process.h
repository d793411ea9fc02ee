// tests/verder_process.h — start the real `verder` binary in black-box tests, wait for it, and
// read its database from the outside.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace verder::testing {

// Runs `verder` with arguments, stdout and stderr to `log`; returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log);
// Waits for the process; its exit code, or 128 + the signal that ended it.
int WaitExit(pid_t pid);
std::string ReadAll(const std::string& path);
// Waits for "ready on http://localhost:PORT" in the log; 0 when the process died or timed out.
uint16_t WaitForPort(pid_t pid, const std::string& log, int seconds);
// Puts a database at `db` that holds the small open data (SmallOpenDataDir: every file but the
// DUO catalogue whole, about 460 real courses, so every page type still has real courses,
// places and regions, and a server starts in a fraction of the time, which matters under the
// sanitizers), as `verder import` leaves it, so a test that is not about importing starts its
// server without importing again. The tests about importing import all of it themselves. The first
// caller in a run imports into a template next to the binary (under a lock, so parallel tests wait
// for one import); the template is keyed by the binary's size and time, so a rebuilt binary makes a
// new one. Returns false (with the import's log in `*why`) when the import failed.
bool CopyImportedDatabase(const std::string& db, std::string* why);
// The small open data as a folder (made once next to the binary; symbolic links to the files
// it does not cut).
std::string SmallOpenDataDir();
// The first column of the first row of `sql` on a read-only connection (-1 / "" when none).
int64_t QueryInt(const std::string& db, const std::string& sql);
std::string QueryText(const std::string& db, const std::string& sql);

}  // namespace verder::testing
