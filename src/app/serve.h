// app/serve.h — `verder serve`: builds the search index from the store, wires the router and
// the HTTP server, follows the store's changes, and stops gracefully on SIGINT or SIGTERM.
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace verder {

struct ServeOptions {
  std::string host = "0.0.0.0";
  uint16_t port = 8080;
  int threads = 4;
  std::string resources_dir = "data";  // the repo's data/: synonyms, later schemes and desks
};

// Blocks until SIGINT/SIGTERM.
Status Serve(Store* store, const ServeOptions& options);

}  // namespace verder
