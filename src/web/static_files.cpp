#include "web/static_files.h"

#include <zlib.h>

#include <functional>
#include <map>

namespace verder {
namespace {

// gzip (RFC 1952) of `text` at the best level: done once per file, so the cost does not matter.
std::string Gzip(std::string_view text) {
  z_stream z{};
  // windowBits 15 + 16 selects the gzip wrapper instead of zlib's.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

struct Prepared {
  std::string etag;       // of the file as it is
  std::string gzip_etag;  // of its gzip encoding: another representation, another tag
  std::string gzipped;    // empty when compressing failed: the plain file is served
};

// Built on first use, then read-only (C++ guarantees one thread initialises a function static).
const std::map<std::string_view, Prepared>& PreparedAssets() {
  static const std::map<std::string_view, Prepared> prepared = [] {
    std::map<std::string_view, Prepared> map;
    for (const StaticAsset& a : StaticAssets()) {
      const std::string_view content(a.content);
      const std::string hash = std::to_string(std::hash<std::string_view>{}(content));
      map[a.name] = {"\"" + hash + "\"", "\"" + hash + "-gz\"", Gzip(content)};
    }
    return map;
  }();
  return prepared;
}

bool AcceptsGzip(const HttpRequest& request) {
  // "gzip;q=0" refuses it; anything else naming gzip accepts it.
  const std::string accept = request.Header("accept-encoding");
  const size_t at = accept.find("gzip");
  if (at == std::string::npos) return false;
  const size_t end = accept.find(',', at);
  const std::string params = accept.substr(at, end == std::string::npos ? end : end - at);
  return params.find("q=0") == std::string::npos || params.find("q=0.") != std::string::npos;
}

}  // namespace

HttpResponse StaticFile(std::string_view name, const HttpRequest& request) {
  for (const StaticAsset& a : StaticAssets()) {
    if (name != a.name) continue;
    const Prepared& p = PreparedAssets().at(a.name);
    const bool gzip = !p.gzipped.empty() && AcceptsGzip(request);
    const std::string& etag = gzip ? p.gzip_etag : p.etag;
    HttpResponse r;
    r.headers.emplace_back("ETag", etag);
    r.headers.emplace_back("Cache-Control", "public, max-age=86400");
    r.headers.emplace_back("Vary", "Accept-Encoding");
    if (request.Header("if-none-match") == etag) {
      r.status = 304;
      return r;
    }
    r.content_type =
        name.ends_with(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    if (gzip) {
      r.headers.emplace_back("Content-Encoding", "gzip");
      r.body = p.gzipped;
    } else {
      r.body = std::string(a.content);
    }
    return r;
  }
  return HttpResponse::Text(404, "No such file.\n");
}

}  // namespace verder
