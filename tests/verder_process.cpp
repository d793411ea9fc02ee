#include "tests/verder_process.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/test_paths.h"

namespace verder::testing {

pid_t Spawn(const std::vector<std::string>& args, const std::string& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(VERDER_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(VERDER_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

uint16_t WaitForPort(pid_t pid, const std::string& log, int seconds) {
  const std::string marker = "ready on http://localhost:";
  for (int i = 0; i < seconds * 10; ++i) {
    const std::string text = ReadAll(log);
    const size_t at = text.find(marker);
    if (at != std::string::npos)
      return static_cast<uint16_t>(std::atoi(text.c_str() + at + marker.size()));
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return 0;
}

bool CopyImportedDatabase(const std::string& db, std::string* why) {
  struct stat binary {};
  if (::stat(VERDER_BINARY, &binary) != 0) {
    *why = "cannot stat " + std::string(VERDER_BINARY);
    return false;
  }
  const std::filesystem::path dir = std::filesystem::path(VERDER_BINARY).parent_path();
  const std::filesystem::path made = dir / ("open-data-" + std::to_string(binary.st_size) + "-" +
                                            std::to_string(binary.st_mtim.tv_sec) + "." +
                                            std::to_string(binary.st_mtim.tv_nsec) + ".db");
  std::error_code ec;
  if (!std::filesystem::exists(made)) {
    // One import per binary: the others wait on the lock, then find the template made.
    const int lock = ::open((dir / "open-data-template.lock").c_str(), O_RDWR | O_CREAT, 0644);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
      *why = "cannot lock the template";
      if (lock >= 0) ::close(lock);
      return false;
    }
    if (!std::filesystem::exists(made)) {
      const std::string partial = made.string() + ".partial";
      const std::string log = made.string() + ".log";
      std::filesystem::remove(partial);
      const int code = WaitExit(Spawn({"--db", partial, "--data", SharedDataDir(), "import"}, log));
      // The import closes its database cleanly: everything is in the main file, no WAL left.
      if (code != 0 || std::filesystem::exists(partial + "-wal")) {
        *why = "verder import exited with " + std::to_string(code) + ": " + ReadAll(log);
        ::close(lock);
        return false;
      }
      std::filesystem::rename(partial, made);
      // Templates of earlier binaries are of no use any more (33 MB each).
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("open-data-", 0) == 0 && entry.path() != made &&
            entry.path().extension() == ".db") {
          std::filesystem::remove(entry.path(), ec);
        }
      }
    }
    ::close(lock);
  }
  std::filesystem::copy_file(made, db, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) *why = "cannot copy the template: " + ec.message();
  return !ec;
}

int64_t QueryInt(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    value = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(handle);
  return value;
}

std::string QueryText(const std::string& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(handle);
  return value;
}

}  // namespace verder::testing
