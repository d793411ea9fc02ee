#include "web/static_files.h"

#include <functional>

namespace verder {

HttpResponse StaticFile(std::string_view name, const HttpRequest& request) {
  for (const StaticAsset& a : StaticAssets()) {
    if (name != a.name) continue;
    const std::string_view content(a.content);
    const std::string etag = "\"" + std::to_string(std::hash<std::string_view>{}(content)) + "\"";
    HttpResponse r;
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Cache-Control", "public, max-age=86400");
    if (request.Header("if-none-match") == etag) {
      r.status = 304;
      return r;
    }
    r.content_type =
        name.ends_with(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    r.body = std::string(content);
    return r;
  }
  return HttpResponse::Text(404, "No such file.\n");
}

}  // namespace verder
