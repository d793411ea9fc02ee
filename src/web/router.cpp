#include "web/router.h"

#include <nlohmann/json.hpp>

namespace verder {
namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse ErrorResponse(const Error& error) {
  nlohmann::json body = {
      {"error",
       {{"code", ErrorCodeName(error.code)}, {"field", error.field}, {"message", error.message}}}};
  return HttpResponse::Json(HttpStatusFor(error.code),
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Router::Add(const std::string& method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back({method, SplitPath(pattern), std::move(handler)});
}

HttpResponse Router::Handle(HttpRequest request) const {
  const size_t question = request.target.find('?');
  const std::string raw_path = request.target.substr(0, question);
  // Split before decoding: an encoded slash ("bk%2F2026") belongs to its segment (a provider's
  // course id may hold one), it does not start a new one.
  std::vector<std::string> segments =
      raw_path.empty() ? std::vector<std::string>() : SplitPath(raw_path);
  bool valid =
      !raw_path.empty() && raw_path[0] == '/' && PercentDecode(raw_path, false, &request.path);
  for (std::string& segment : segments) {
    std::string decoded;
    valid = valid && PercentDecode(segment, false, &decoded);
    segment = std::move(decoded);
  }
  if (!valid ||
      (question != std::string::npos &&
       !ParseQueryString(std::string_view(request.target).substr(question + 1), &request.query))) {
    return ErrorResponse(InvalidArgument("target", "the address is not valid"));
  }
  std::string allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    PathParams params;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      const std::string& s = route.segments[i];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        params[s.substr(1, s.size() - 2)] = segments[i];
      } else {
        match = s == segments[i];
      }
    }
    if (!match) continue;
    if (route.method != request.method) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    return route.handler(request, params);
  }
  if (!allowed.empty()) {
    HttpResponse r =
        ErrorResponse(InvalidArgument("method", request.method + " is not allowed here"));
    r.status = 405;
    r.headers.emplace_back("Allow",
                           allowed + (allowed.find("GET") != std::string::npos ? ", HEAD" : ""));
    return r;
  }
  // API clients (ours and OOAPI's) read JSON, also when they ask for a path that does not exist.
  const bool api = request.path.rfind("/api/", 0) == 0 || request.path.rfind("/ooapi/", 0) == 0;
  if (not_found_ && !api) return not_found_(request);
  return ErrorResponse(NotFound("there is nothing at " + request.path));
}

}  // namespace verder
