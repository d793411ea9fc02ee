// tests/http_client.h — a minimal blocking HTTP/1.1 client for black-box tests (one request per
// connection, Connection: close; chunked answers are decoded).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace verder::testing {

struct HttpResult {
  int status = 0;                              // 0 when the connection failed
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

HttpResult HttpGet(uint16_t port, const std::string& target, const std::string& method = "GET");
// A request with headers and a body (Content-Length is added).
HttpResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                    const std::map<std::string, std::string>& headers, const std::string& body);
// Sends `raw` bytes as they are and returns the parsed answer (for malformed requests).
HttpResult HttpRaw(uint16_t port, const std::string& raw);

}  // namespace verder::testing
