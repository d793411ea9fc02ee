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

namespace {

std::filesystem::path BinaryDir() { return std::filesystem::path(VERDER_BINARY).parent_path(); }

// Holds an exclusive lock on a file next to the binary while it lives: one test process makes a
// shared file, the others wait and then find it made.
class BinaryDirLock {
 public:
  explicit BinaryDirLock(const std::string& name)
      : fd_(::open((BinaryDir() / name).c_str(), O_RDWR | O_CREAT, 0644)) {
    locked_ = fd_ >= 0 && ::flock(fd_, LOCK_EX) == 0;
  }
  ~BinaryDirLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  BinaryDirLock(const BinaryDirLock&) = delete;
  BinaryDirLock& operator=(const BinaryDirLock&) = delete;
  bool locked() const { return locked_; }

 private:
  int fd_;
  bool locked_ = false;
};

void WriteSmallOpenData(const std::filesystem::path& to) {
  namespace fs = std::filesystem;
  const fs::path from = SharedDataDir();
  fs::create_directories(to);
  for (const fs::directory_entry& entry : fs::directory_iterator(from)) {
    const std::string name = entry.path().filename().string();
    if (name != "duo-ho-mbo-2019" && name != "duo-hbo-ingeschrevenen") {
      fs::create_directory_symlink(entry.path(), to / name);
      continue;
    }
    fs::create_directories(to / name);
    for (const fs::directory_entry& file : fs::directory_iterator(entry.path())) {
      std::ofstream out(to / name / file.path().filename());
      if (file.path().extension() == ".json") {
        out << "[]\n";  // the enrolment counts only repeat courses the CSV files name
        continue;
      }
      std::ifstream in(file.path());
      std::string line;
      for (int i = 0; i < 300 && std::getline(in, line); ++i) out << line << '\n';
    }
  }
}

}  // namespace

std::string SmallOpenDataDir() {
  const std::filesystem::path dir = BinaryDir() / "open-data-small";
  const BinaryDirLock lock("open-data-small.lock");
  if (!std::filesystem::exists(dir / "complete")) {
    std::filesystem::remove_all(dir);
    WriteSmallOpenData(dir);
    std::ofstream(dir / "complete") << "made by tests/verder_process.cpp\n";
  }
  return dir.string();
}

bool CopyImportedDatabase(const std::string& db, std::string* why) {
  struct stat binary {};
  if (::stat(VERDER_BINARY, &binary) != 0) {
    *why = "cannot stat " + std::string(VERDER_BINARY);
    return false;
  }
  const std::filesystem::path dir = BinaryDir();
  const std::string kind = "open-data-small-";
  const std::filesystem::path made =
      dir / (kind + std::to_string(binary.st_size) + "-" + std::to_string(binary.st_mtim.tv_sec) +
             "." + std::to_string(binary.st_mtim.tv_nsec) + ".db");
  std::error_code ec;
  if (!std::filesystem::exists(made)) {
    const std::string data_dir = SmallOpenDataDir();
    // One import per binary and kind: the others wait on the lock, then find the template made.
    const BinaryDirLock lock(kind + "template.lock");
    if (!lock.locked()) {
      *why = "cannot lock the template";
      return false;
    }
    if (!std::filesystem::exists(made)) {
      const std::string partial = made.string() + ".partial";
      const std::string log = made.string() + ".log";
      std::filesystem::remove(partial);
      const int code = WaitExit(Spawn({"--db", partial, "--data", data_dir, "import"}, log));
      // The import closes its database cleanly: everything is in the main file, no WAL left.
      if (code != 0 || std::filesystem::exists(partial + "-wal")) {
        *why = "verder import exited with " + std::to_string(code) + ": " + ReadAll(log);
        return false;
      }
      std::filesystem::rename(partial, made);
      // Templates of earlier binaries are of no use any more (up to 33 MB each).
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kind, 0) == 0 && entry.path() != made && entry.path().extension() == ".db") {
          std::filesystem::remove(entry.path(), ec);
        }
      }
    }
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
