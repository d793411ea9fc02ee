#include "web/rate_limiter.h"

#include <algorithm>

namespace verder {

std::optional<int> RateLimiter::Check(const std::string& client, int64_t now) {
  if (limit_.requests <= 0) return std::nullopt;
  const std::lock_guard lock(mu_);
  if (windows_.size() >= max_clients_ && windows_.count(client) == 0) {
    std::erase_if(windows_, [&](const auto& entry) {
      return now - entry.second.start >= limit_.window_seconds;
    });
    if (windows_.size() >= max_clients_) windows_.clear();
  }
  // A new client's window starts now, not at the epoch.
  Window& w = windows_.try_emplace(client, Window{now, 0}).first->second;
  if (now - w.start >= limit_.window_seconds) w = Window{now, 0};
  if (w.count >= limit_.requests) {
    return static_cast<int>(std::max<int64_t>(1, w.start + limit_.window_seconds - now));
  }
  ++w.count;
  return std::nullopt;
}

HttpResponse TooManyRequests(int retry_after_seconds) {
  HttpResponse r = HttpResponse::Json(
      429,
      "{\"error\":{\"code\":\"too_many_requests\",\"field\":\"\",\"message\":\"too many "
      "requests from this address; try again in " +
          std::to_string(retry_after_seconds) + " seconds\"}}");
  r.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return r;
}

}  // namespace verder
