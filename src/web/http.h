// web/http.h — the small request and response types the rest of web/ works with, so that only
// http_server.cpp knows Boost.Beast.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verder {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string target;  // as sent: "/api/v1/search?q=zorg"
  std::string path;    // decoded path without the query: "/api/v1/search"
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;              // lower-case names
  std::string body;
  std::string client_address;

  // The first value of a query parameter, or nullptr.
  const std::string* Query(std::string_view name) const;
  std::string Header(const std::string& lower_name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  // For answers too large to hold (the open-data export): when set, `body` is ignored and the
  // server sends chunks, calling this for the next one after the previous was written, until it
  // returns false. One chunk at a time is in memory, and a slow reader slows the producer.
  std::function<bool(std::string* chunk)> next_chunk;

  static HttpResponse Json(int status, std::string body);
  static HttpResponse Text(int status, std::string body);
};

// Percent-decoding for paths and query strings ('+' is a space only in queries). Returns false
// on a malformed escape or an embedded NUL.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);
// Splits "a=1&b=x%20y" into decoded pairs; false when any part is malformed.
bool ParseQueryString(std::string_view query,
                      std::vector<std::pair<std::string, std::string>>* out);

}  // namespace verder
