// web/rate_limiter.h — at most N requests per client address per window, for the endpoints
// that write or cost (complaints, feeds, suggestions); the rest answers 429 with Retry-After.
//
// A fixed window per address: simple, predictable for a person ("try again in 4 minutes") and
// enough against a script. Addresses are kept in memory only, for one window, never logged or
// stored. The table is bounded: when it is full, expired entries go first, then everything
// (an attacker cycling addresses gets at worst a fresh window, never our memory).
//
//   RateLimiter limiter({.requests = 5, .window_seconds = 600});
//   if (auto wait = limiter.Check(request.client_address, now)) return TooMany(*wait);
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "web/http.h"

namespace verder {

struct RateLimit {
  int requests = 60;  // 0: no limit
  int window_seconds = 60;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimit limit, size_t max_clients = 100'000)
      : limit_(limit), max_clients_(max_clients) {}
  // Counts one request; empty when it may go ahead, else the seconds until it may.
  std::optional<int> Check(const std::string& client, int64_t now_unix_seconds);

 private:
  struct Window {
    int64_t start = 0;
    int count = 0;
  };
  RateLimit limit_;
  size_t max_clients_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

// 429 with Retry-After, in JSON: for the API (pages write their own, in words).
HttpResponse TooManyRequests(int retry_after_seconds);

}  // namespace verder
