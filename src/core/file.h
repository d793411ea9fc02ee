// core/file.h — reading whole files, with an error a person can act on.
#pragma once

#include <string>

#include "core/status.h"

namespace verder {

// The file's bytes; Unavailable naming the path when it is missing or unreadable.
Result<std::string> ReadFile(const std::string& path);

}  // namespace verder
