// tests/test_paths.h — where tests find the shared open data and a scratch folder.
#pragma once

#include <filesystem>
#include <string>

namespace verder::testing {

// $VERDER_DATA, else <source>/../shared/data (VERDER_SOURCE_DIR is set by ctest).
std::string SharedDataDir();
// A fresh, empty folder for this test; removed by the caller's TearDown.
std::filesystem::path ScratchDir(const std::string& name);

}  // namespace verder::testing
