#include "core/file.h"

#include <fstream>
#include <sstream>

namespace verder {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Unavailable("cannot read " + path +
                       ": the file is missing or not readable. Check the data folder "
                       "(--data, default ../shared/data)");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Unavailable("reading " + path + " failed halfway");
  return buffer.str();
}

}  // namespace verder
