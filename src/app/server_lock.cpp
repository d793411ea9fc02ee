#include "app/server_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace verder {

Result<ServerLock> ServerLock::Acquire(const std::string& db_path, const std::string& purpose) {
  const std::string path = db_path + ".lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("cannot open " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return Unavailable("cannot " + purpose + ": a verder server is running on " + db_path +
                         " (it holds " + path + "); stop it first");
    }
    return Unavailable("cannot lock " + path + ": " + std::strerror(error));
  }
  return ServerLock(fd);
}

ServerLock::~ServerLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace verder
