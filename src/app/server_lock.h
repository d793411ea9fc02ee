// app/server_lock.h — one `verder serve` per database, and no restore under a running server.
//
// `verder serve` holds an exclusive lock on "<db>.lock" for its whole life; `verder restore`
// takes the same lock, so it refuses to replace a database a server has open (the server's
// search index would not follow). The kernel drops the lock when the process ends, however it
// ends (kill -9 included): a stale lock file never blocks anyone.
#pragma once

#include <string>

#include "core/status.h"

namespace verder {

class ServerLock {
 public:
  // Takes the lock for the database at `db_path` without waiting; Unavailable when another
  // process holds it, saying what `purpose` ("serve", "restore") could not do.
  static Result<ServerLock> Acquire(const std::string& db_path, const std::string& purpose);
  ServerLock(ServerLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ServerLock& operator=(ServerLock&&) = delete;
  ServerLock(const ServerLock&) = delete;
  ServerLock& operator=(const ServerLock&) = delete;
  ~ServerLock();

 private:
  explicit ServerLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace verder
