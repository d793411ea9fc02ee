#include "tests/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <string>

namespace verder::testing {
namespace {

// The body of a chunked answer: hex size, CRLF, data, CRLF, ..., "0" CRLF CRLF.
std::string Unchunk(const std::string& raw) {
  std::string body;
  size_t at = 0;
  while (at < raw.size()) {
    const size_t line_end = raw.find("\r\n", at);
    if (line_end == std::string::npos) break;
    const size_t size = std::stoul(raw.substr(at, line_end - at), nullptr, 16);
    if (size == 0) break;
    body.append(raw, line_end + 2, size);
    at = line_end + 2 + size + 2;
  }
  return body;
}

}  // namespace

HttpResult HttpRaw(uint16_t port, const std::string& raw) {
  HttpResult result;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return result;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return result;
  }
  size_t sent = 0;
  while (sent < raw.size()) {
    const ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buf[65536];
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    response.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  const size_t header_end = response.find("\r\n\r\n");
  if (response.rfind("HTTP/1.", 0) != 0 || header_end == std::string::npos) return result;
  result.status = std::atoi(response.c_str() + 9);
  size_t line_start = response.find("\r\n") + 2;
  while (line_start < header_end) {
    const size_t line_end = response.find("\r\n", line_start);
    const std::string line = response.substr(line_start, line_end - line_start);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      result.headers[name] = line.substr(v);
    }
    line_start = line_end + 2;
  }
  result.body = response.substr(header_end + 4);
  if (result.headers["transfer-encoding"] == "chunked") result.body = Unchunk(result.body);
  return result;
}

HttpResult HttpSend(uint16_t port, const std::string& method, const std::string& target,
                    const std::map<std::string, std::string>& headers, const std::string& body) {
  std::string raw = method;
  raw.append(" ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
  for (const auto& [name, value] : headers)
    raw.append(name).append(": ").append(value).append("\r\n");
  raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n\r\n");
  raw += body;
  return HttpRaw(port, raw);
}

HttpResult HttpGet(uint16_t port, const std::string& target, const std::string& method) {
  return HttpRaw(
      port, method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

}  // namespace verder::testing
