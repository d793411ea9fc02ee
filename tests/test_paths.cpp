#include "tests/test_paths.h"

#include <unistd.h>

#include <cstdlib>

namespace verder::testing {

std::string SharedDataDir() {
  if (const char* d = std::getenv("VERDER_DATA"); d != nullptr && *d != '\0') return d;
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  return std::string(src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT) + "/../shared/data";
}

std::filesystem::path ScratchDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("verder-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace verder::testing
