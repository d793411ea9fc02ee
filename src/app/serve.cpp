#include "app/serve.h"

#include <csignal>
#include <cstdio>
#include <thread>

#include "web/catalog_api.h"
#include "web/http_server.h"
#include "web/router.h"

namespace verder {

Status Serve(Store* store, const ServeOptions& options) {
  Router router;
  AddCatalogApi(store, &router);

  // Signals are taken by one thread with sigwait, so no handler runs inside the server's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  HttpServer server({.host = options.host, .port = options.port, .threads = options.threads},
                    [&router](const HttpRequest& r) { return router.Handle(r); });
  VERDER_RETURN_IF_ERROR(server.Start());
  std::fprintf(stderr, "Verder is ready on http://localhost:%u\n", server.port());
  std::thread waiter([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::fprintf(stderr, "Stopping (signal %d): finishing requests in flight\n", signal);
    server.Stop();
  });
  server.Wait();
  waiter.join();
  return Status();
}

}  // namespace verder
