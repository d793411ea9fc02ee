// app/serve.h — `verder serve`: builds the search index from the store, wires the router and
// the HTTP server, follows the store's changes, and stops gracefully on SIGINT or SIGTERM.
#pragma once

#include <cstdint>
#include <string>

#include "web/rate_limiter.h"

#include "store/store.h"

namespace verder {

struct ServeOptions {
  std::string host = "0.0.0.0";
  uint16_t port = 8080;
  int threads = 4;
  std::string resources_dir = "data";  // the repo's data/: synonyms, schemes, desks, feeds
  // Per client address (issue 8): complaints, provider feed writes, autocomplete.
  RateLimit complaints{.requests = 5, .window_seconds = 600};
  RateLimit feed_writes{.requests = 60, .window_seconds = 60};
  RateLimit suggestions{.requests = 600, .window_seconds = 60};
  // Saving, restoring and deleting funding answers: few per person; bounds guessing codes.
  RateLimit saved_answers{.requests = 20, .window_seconds = 600};
};

// Blocks until SIGINT/SIGTERM.
Status Serve(Store* store, const ServeOptions& options);

}  // namespace verder
