// app/serve.h — `verder serve`: wires the store, router and HTTP server, and stops gracefully on
// SIGINT or SIGTERM.
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace verder {

struct ServeOptions {
  std::string host = "0.0.0.0";
  uint16_t port = 8080;
  int threads = 4;
};

// Blocks until SIGINT/SIGTERM.
Status Serve(Store* store, const ServeOptions& options);

}  // namespace verder
