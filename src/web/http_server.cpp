// The only translation unit that includes Boost.Beast: it is heavy to compile, and keeping it
// here keeps the rest of the build fast.
#include "web/http_server.h"

#include <sys/resource.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace verder {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

template <typename Message>
void AddSecurityHeaders(Message* res) {
  // A strict policy: our own scripts, styles and images only (no page needs a data: image, so
  // injected markup cannot carry one either); nothing may frame us.
  res->set("Content-Security-Policy",
           "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
           "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res->set("X-Content-Type-Options", "nosniff");
  res->set("Referrer-Policy", "no-referrer");
  res->set("X-Frame-Options", "DENY");
  res->set("Cross-Origin-Opener-Policy", "same-origin");
  res->set("Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()");
}

HttpRequest ToRequest(const http::request<http::string_body>& req, const std::string& client) {
  HttpRequest out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  out.body = req.body();
  out.client_address = client;
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  return out;
}

http::response<http::string_body> PlainError(http::status status, unsigned version,
                                             const std::string& text) {
  http::response<http::string_body> res{status, version};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.body() = text;
  res.prepare_payload();
  res.keep_alive(false);
  AddSecurityHeaders(&res);
  return res;
}

// After a header over the limit: was it the address (414) rather than the fields (431)? Once
// the request line is parsed the target is known; before that, the request line is what waits
// unparsed at the start of the buffer.
bool AddressTooLong(size_t parsed_target_size, const beast::flat_buffer& unparsed,
                    size_t max_target) {
  if (parsed_target_size > 0) return parsed_target_size > max_target;
  const auto bytes = unparsed.data();
  const std::string_view text(static_cast<const char*>(bytes.data()), bytes.size());
  const size_t line_end = text.find("\r\n");
  return (line_end == std::string_view::npos ? text.size() : line_end) > max_target;
}

int64_t SteadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct HttpServer::Impl {
  // What the server needs of an open connection to close it for a newcomer.
  class Connection {
   public:
    virtual ~Connection() = default;
    // Closes the connection if it is still waiting for a request (runs on its strand).
    virtual void Evict() = 0;
  };
  struct Slot {
    std::weak_ptr<Connection> connection;
    // steady_clock nanoseconds since the connection began waiting for a request; 0 while it
    // has a request to read the body of, to answer or to write.
    std::atomic<int64_t> waiting_since{0};
  };
  using SlotRef = std::list<Slot>::iterator;

  HttpServerOptions options;
  HttpHandler handler;
  // Declared before ioc: connections still queued in it unregister when it is destroyed.
  std::mutex connections_mu;
  std::list<Slot> connections;  // guarded by connections_mu
  size_t connection_cap = 0;    // set by Start
  std::atomic<int> streams{0};
  int stream_cap = 1;  // set by Start
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::steady_timer accept_retry{ioc};
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::thread stopper;  // runs the graceful stop; joined by Wait

  Impl(HttpServerOptions o, HttpHandler h) : options(std::move(o)), handler(std::move(h)) {}

  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  SlotRef Register(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(connections_mu);
    connections.emplace_back();
    connections.back().connection = connection;
    return std::prev(connections.end());
  }
  void Unregister(SlotRef slot) {
    std::lock_guard lock(connections_mu);
    connections.erase(slot);
  }
  size_t OpenConnections() {
    std::lock_guard lock(connections_mu);
    return connections.size();
  }
  // Closes the connection that has waited longest for a request; false when none waits.
  bool EvictLongestWaiting() {
    std::weak_ptr<Connection> victim;
    {
      std::lock_guard lock(connections_mu);
      Slot* oldest = nullptr;
      for (Slot& slot : connections) {
        const int64_t since = slot.waiting_since.load();
        if (since != 0 && (oldest == nullptr || since < oldest->waiting_since.load()))
          oldest = &slot;
      }
      if (oldest == nullptr) return false;
      oldest->waiting_since.store(0);  // not chosen twice
      victim = oldest->connection;
    }
    // Outside the lock: the last reference may go here, and the destructor unregisters.
    if (const std::shared_ptr<Connection> c = victim.lock()) c->Evict();
    return true;
  }
};

namespace {

class Session : public HttpServer::Impl::Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl* server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = endpoint.address().to_string();
  }
  ~Session() override {
    ReleaseStream();
    if (slot_) server_->Unregister(*slot_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start() {
    slot_ = server_->Register(shared_from_this());
    ReadRequest();
  }

  void Evict() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->waiting_) self->stream_.close();  // the pending read ends: OnRead closes
    });
  }

 private:
  void SetWaiting(bool waiting) {
    waiting_ = waiting;
    (*slot_)->waiting_since.store(waiting ? SteadyNanos() : 0);
  }

  void ReadRequest() {
    SetWaiting(true);
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_->options.max_header_bytes));
    // Beast compares a declared Content-Length with the body limit while it parses the header,
    // before OnHeader can tell an upload from a form: the larger limit must be in place by then
    // (OnHeader holds everyone else to the small one).
    const HttpServerOptions& o = server_->options;
    parser_->body_limit(o.upload_path_prefix.empty()
                            ? o.max_body_bytes
                            : std::max(o.max_body_bytes, o.max_upload_body_bytes));
    // The first byte of a new request may take the idle time; the rest must be quick.
    stream_.expires_after(std::chrono::seconds(first_request_
                                                   ? server_->options.request_timeout_seconds
                                                   : server_->options.idle_timeout_seconds));
    // The header first: only then is it known whether this request may bring a large body.
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t n) {
    SetWaiting(false);
    if (ec) return OnRead(ec, n);
    const auto& req = parser_->get();
    if (req.target().size() > server_->options.max_target_bytes) {
      // Said before any body is read: the answer does not depend on it.
      return Send(
          PlainError(http::status::uri_too_long, req.version(), "The address is too long.\n"));
    }
    const std::string& prefix = server_->options.upload_path_prefix;
    if (!prefix.empty() && req.method() == http::verb::post &&
        req.target().substr(0, prefix.size()) == prefix &&
        (!server_->options.upload_authorised ||
         server_->options.upload_authorised(std::string(req[http::field::authorization])))) {
      parser_->body_limit(server_->options.max_upload_body_bytes);
      // A large upload may take longer than a page request to arrive.
      stream_.expires_after(std::chrono::seconds(server_->options.upload_timeout_seconds));
    } else {
      // A chunked body is counted against this limit as it arrives; a declared length now.
      parser_->body_limit(server_->options.max_body_bytes);
      const auto length = parser_->content_length();
      if (length && *length > server_->options.max_body_bytes) {
        return Send(PlainError(http::status::payload_too_large, req.version(),
                               "Request body is too large.\n"));
      }
    }
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    first_request_ = false;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return Close();
    }
    if (ec == http::error::header_limit) {
      if (AddressTooLong(parser_->get().target().size(), buffer_,
                         server_->options.max_target_bytes)) {
        return Send(PlainError(http::status::uri_too_long, 11, "The address is too long.\n"));
      }
      return Send(PlainError(http::status::request_header_fields_too_large, 11,
                             "Request headers are too large.\n"));
    }
    if (ec == http::error::body_limit) {
      return Send(PlainError(http::status::payload_too_large, 11, "Request body is too large.\n"));
    }
    if (ec) return Send(PlainError(http::status::bad_request, 11, "Malformed HTTP request.\n"));
    const auto& req = parser_->get();
    server_->in_flight.fetch_add(1);
    HttpRequest request = ToRequest(req, client_);
    const bool head = req.method() == http::verb::head;
    if (head) request.method = "GET";
    HttpResponse out = server_->handler(request);
    server_->in_flight.fetch_sub(1);

    if (out.next_chunk) {
      if (!TakeStream()) {
        auto busy = PlainError(http::status::service_unavailable, req.version(),
                               "Too many downloads at once: try again in a few seconds.\n");
        busy.set(http::field::retry_after, "5");
        return Send(std::move(busy));
      }
      return SendChunked(std::move(out), req.version(), req.keep_alive(), head);
    }
    http::response<http::string_body> res{static_cast<http::status>(out.status), req.version()};
    res.set(http::field::server, "verder");
    res.set(http::field::content_type, out.content_type);
    for (const auto& [name, value] : out.headers) res.set(name, value);
    AddSecurityHeaders(&res);
    res.keep_alive(req.keep_alive() && !server_->stopping.load());
    res.body() = std::move(out.body);
    res.prepare_payload();
    if (head) res.body().clear();  // Content-Length stays that of the GET answer
    Send(std::move(res), head);
  }

  void Send(http::response<http::string_body> res, bool skip_body = false) {
    response_ = std::make_shared<http::response<http::string_body>>(std::move(res));
    stream_.expires_after(std::chrono::seconds(server_->options.request_timeout_seconds));
    if (skip_body) {
      serializer_ = std::make_shared<http::response_serializer<http::string_body>>(*response_);
      http::async_write_header(stream_, *serializer_,
                               beast::bind_front_handler(&Session::OnWrite, shared_from_this(),
                                                         response_->keep_alive()));
      return;
    }
    http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&Session::OnWrite, shared_from_this(), response_->keep_alive()));
  }

  bool TakeStream() {
    if (server_->streams.fetch_add(1) >= server_->stream_cap) {
      server_->streams.fetch_sub(1);
      return false;
    }
    holds_stream_ = true;
    return true;
  }
  void ReleaseStream() {
    if (holds_stream_) server_->streams.fetch_sub(1);
    holds_stream_ = false;
  }

  // Header first, then one chunk at a time: the next is made only when the last was written.
  // A small kernel send buffer: a client that stops reading holds little more than one chunk.
  void SendChunked(HttpResponse out, unsigned version, bool keep_alive, bool head) {
    beast::error_code ignored;
    stream_.socket().set_option(
        net::socket_base::send_buffer_size(server_->options.stream_send_buffer_bytes), ignored);
    auto header = std::make_shared<http::response<http::empty_body>>(
        static_cast<http::status>(out.status), version);
    header->set(http::field::server, "verder");
    header->set(http::field::content_type, out.content_type);
    for (const auto& [name, value] : out.headers) header->set(name, value);
    AddSecurityHeaders(header.get());
    header->keep_alive(keep_alive && !server_->stopping.load());
    header->chunked(true);
    chunked_header_ = header;
    chunked_serializer_ = std::make_shared<http::response_serializer<http::empty_body>>(*header);
    next_chunk_ = std::move(out.next_chunk);
    const bool keep = header->keep_alive();
    stream_.expires_after(std::chrono::seconds(server_->options.request_timeout_seconds));
    http::async_write_header(
        stream_, *chunked_serializer_,
        [self = shared_from_this(), keep, head](beast::error_code ec, std::size_t n) {
          if (ec) return self->Close();
          if (head) return self->OnWrite(keep, ec, n);
          self->WriteNextChunk(keep);
        });
  }

  void WriteNextChunk(bool keep_alive) {
    chunk_.clear();
    bool more = true;
    // An empty chunk would mean "the end" on the wire: ask again instead.
    while (more && chunk_.empty()) more = next_chunk_(&chunk_);
    stream_.expires_after(std::chrono::seconds(server_->options.request_timeout_seconds));
    auto self = shared_from_this();
    if (chunk_.empty()) {
      net::async_write(stream_, http::make_chunk_last(),
                       [self, keep_alive](beast::error_code ec, std::size_t n) {
                         self->OnWrite(keep_alive, ec, n);
                       });
      return;
    }
    net::async_write(stream_, http::make_chunk(net::buffer(chunk_)),
                     [self, keep_alive, more](beast::error_code ec, std::size_t) {
                       if (ec) return self->Close();
                       if (more) return self->WriteNextChunk(keep_alive);
                       net::async_write(self->stream_, http::make_chunk_last(),
                                        [self, keep_alive](beast::error_code e, std::size_t m) {
                                          self->OnWrite(keep_alive, e, m);
                                        });
                     });
  }

  void OnWrite(bool keep_alive, beast::error_code ec, std::size_t) {
    ReleaseStream();
    if (ec || !keep_alive || server_->stopping.load()) return Close();
    response_.reset();
    serializer_.reset();
    chunked_header_.reset();
    chunked_serializer_.reset();
    next_chunk_ = nullptr;
    chunk_.clear();
    ReadRequest();
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> response_;
  std::shared_ptr<http::response_serializer<http::string_body>> serializer_;
  std::shared_ptr<http::response<http::empty_body>> chunked_header_;
  std::shared_ptr<http::response_serializer<http::empty_body>> chunked_serializer_;
  std::function<bool(std::string*)> next_chunk_;
  std::string chunk_;
  HttpServer::Impl* server_;
  std::string client_;
  bool first_request_ = true;
  bool waiting_ = false;  // for a request's header (evictable)
  bool holds_stream_ = false;
  std::optional<HttpServer::Impl::SlotRef> slot_;
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (stopping.load()) return;
  if (ec) {
    // Out of file descriptors, typically: free one and wait a moment instead of spinning on an
    // accept that fails at once.
    EvictLongestWaiting();
    accept_retry.expires_after(std::chrono::milliseconds(50));
    accept_retry.async_wait([this](beast::error_code) {
      if (!stopping.load()) Accept();
    });
    return;
  }
  if (OpenConnections() >= connection_cap && !EvictLongestWaiting()) {
    beast::error_code ignored;  // every connection is busy with a request: not this one too
    socket.close(ignored);
  } else {
    std::make_shared<Session>(std::move(socket), this)->Start();
  }
  Accept();
}

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() {
  Stop();
  Wait();
}

Status HttpServer::Start() {
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) return InvalidArgument("host", "'" + impl_->options.host + "' is not an IP address");
  const tcp::endpoint endpoint{address, impl_->options.port};
  const std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Unavailable("cannot listen on " + where + ": " + ec.message() +
                       " (is another server using that port? choose one with --port)");
  }
  // Every connection is an open file: keep a reserve for the store's files and the listener.
  constexpr rlim_t kReservedFiles = 64;
  impl_->connection_cap = std::max<size_t>(1, impl_->options.max_connections);
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
    const rlim_t usable =
        files.rlim_cur > 2 * kReservedFiles ? files.rlim_cur - kReservedFiles : files.rlim_cur / 2;
    impl_->connection_cap = std::min<size_t>(impl_->connection_cap, usable);
  }
  impl_->stream_cap = impl_->options.max_streams > 0 ? impl_->options.max_streams
                                                     : std::max(1, impl_->options.threads);
  impl_->Accept();
  for (int i = 0; i < std::max(1, impl_->options.threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  return Status();
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void HttpServer::Stop() {
  if (impl_->stopping.exchange(true)) return;
  net::post(impl_->ioc, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  // Give requests in flight up to five seconds to finish, then stop the loop.
  impl_->stopper = std::thread([impl = impl_.get()] {
    for (int i = 0; i < 50 && impl->in_flight.load() > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    impl->ioc.stop();
  });
}

void HttpServer::Wait() {
  for (std::thread& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->threads.clear();
  if (impl_->stopper.joinable()) impl_->stopper.join();
}

}  // namespace verder
