// web/router.h — maps (method, path pattern) to handlers; answers 400/404/405 itself.
//
//   Router router;
//   router.Add("GET", "/api/v1/courses/{id}", [&](const HttpRequest& r, const PathParams& p) {
//     return ...p.at("id")...;
//   });
//   HttpResponse res = router.Handle(request);  // request.path/query are filled in here
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "web/http.h"

namespace verder {

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&)>;

class Router {
 public:
  void Add(const std::string& method, const std::string& pattern, RouteHandler handler);
  // Answers paths no route matches, outside /api/ (e.g. an HTML 404 page). Default: JSON 404.
  void SetNotFound(std::function<HttpResponse(const HttpRequest&)> handler) {
    not_found_ = std::move(handler);
  }
  // Decodes the target into path and query, then dispatches. Thread-safe once routes are added.
  HttpResponse Handle(HttpRequest request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" segments capture
    RouteHandler handler;
  };
  std::vector<Route> routes_;
  std::function<HttpResponse(const HttpRequest&)> not_found_;
};

// {"error": {"code", "field", "message"}} with the HTTP status for the domain code. The one
// place where domain codes become HTTP statuses.
HttpResponse ErrorResponse(const Error& error);
int HttpStatusFor(ErrorCode code);

}  // namespace verder
