// web/http_server.h — the HTTP/1.1 server (Boost.Beast lives in http_server.cpp only).
//
// Asynchronous, several threads, keep-alive, per-connection timeouts (a slow or idle client is
// dropped, it cannot pin a thread), limits on header and body size (431/413), on the URL (414),
// a cap on connections (at the cap the one that has waited longest for a request makes room,
// so idle or byte-at-a-time clients cannot lock others out), a cap on streamed answers (503
// beyond it), security headers on every response, HEAD answered as GET without a body, and a
// graceful stop: Stop() closes the listener and lets requests in flight finish.
//
//   HttpServer server({.port = 8080}, [&](const HttpRequest& r) { return router.Handle(r); });
//   VERDER_RETURN_IF_ERROR(server.Start());
//   server.Wait();            // until Stop() is called (e.g. on SIGTERM)
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "web/http.h"

namespace verder {

struct HttpServerOptions {
  std::string host = "0.0.0.0";
  uint16_t port = 8080;  // 0: any free port (see HttpServer::port())
  int threads = 4;
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 8 * 1024 * 1024;
  // Provider feeds may be far larger than any form: POSTs under this prefix get their own limit
  // and time, decided once the header is read (everything else keeps the small limit).
  std::string upload_path_prefix = "/api/v1/providers/";
  size_t max_upload_body_bytes = 512 * 1024 * 1024;
  int upload_timeout_seconds = 300;
  // Given the Authorization header: may this client send a large body? Unset: anyone may. Set,
  // a stranger cannot make the server hold half a gigabyte before the key is even checked.
  std::function<bool(const std::string& authorization)> upload_authorised;
  size_t max_target_bytes = 4096;
  int request_timeout_seconds = 15;  // to read one whole request, and to write the response
  int idle_timeout_seconds = 30;     // keep-alive connections with nothing to say
  // Connections held at once; Start() lowers it to what the open-file limit allows (less a
  // reserve for the store's files). At the cap, the connection that has waited longest for a
  // request (idle keep-alive, or a header arriving a byte at a time) is closed for the newcomer;
  // when every connection is busy with a request, the newcomer is closed instead.
  size_t max_connections = 10000;
  // Streamed answers (next_chunk, e.g. the export) at once; 0: one per thread. Each chunk is
  // made on a server thread, so many streams would starve every other request; beyond the cap
  // the answer is a 503 with Retry-After.
  int max_streams = 0;
  // The kernel send buffer of a streamed answer: a client that stops reading holds at most this
  // and one chunk, until the write timeout drops it.
  int stream_send_buffer_bytes = 256 * 1024;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads; an Error names the address when it cannot listen.
  Status Start();
  uint16_t port() const;
  // Stops accepting, finishes requests in flight (up to a few seconds), then returns from Wait.
  void Stop();
  void Wait();

  struct Impl;  // internal: the Beast side, defined in http_server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace verder
