// store/migrations.h — the numbered schema migrations (store/migrations/NNN_name.sql), compiled
// into the binary by CMake so a deployed `verder` needs no files beside it.
//
// Backends apply, in order, every migration whose number is above the stored schema version, each
// in its own transaction together with the version bump.
#pragma once

#include <span>

namespace verder {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

std::span<const Migration> AllMigrations();

}  // namespace verder
