#include "app/serve.h"

#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/file.h"

#include "app/index_follower.h"
#include "app/periodic_task.h"
#include "app/progress_bar.h"
#include "auth/api_keys.h"
#include "funding/scheme_loader.h"
#include "funding/scheme_registry.h"
#include "insight/view_stats.h"
#include "search/search_index.h"
#include "search/suggester.h"
#include "search/text_analysis.h"
#include "web/catalog_api.h"
#include "web/feed_api.h"
#include "web/funding_api.h"
#include "web/http_server.h"
#include "web/i18n.h"
#include "web/moderation_api.h"
#include "web/open_data_api.h"
#include "web/pages/site_pages.h"
#include "web/router.h"
#include "web/scheme_api.h"
#include "web/search_api.h"

namespace verder {
namespace {

// Every connection is an open file, and the usual soft limit (1,024) is far below what the
// server can hold: take the hard limit, as nginx and Go do, so that the server's connection
// cap (web/http_server.h), not the shell's default, decides how many clients it holds.
void RaiseOpenFileLimit() {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= files.rlim_max) return;
  files.rlim_cur = files.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &files);
}

}  // namespace

Status Serve(Store* store, const ServeOptions& options) {
  // Signals are taken by one thread with sigwait, so no handler runs inside the server's threads.
  // Blocked first, so every thread started below inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  RaiseOpenFileLimit();

  VERDER_ASSIGN_OR_RETURN(ReferenceData reference, store->LoadReferenceData());
  std::vector<Suggestion> suggestions;
  for (const VocabularyTerm& t : reference.occupations)
    suggestions.push_back({t.label, "occupation", 0});
  for (const VocabularyTerm& t : reference.skills) suggestions.push_back({t.label, "skill", 0});
  const GeoIndex geo(std::move(reference));
  VERDER_ASSIGN_OR_RETURN(
      const HelpDesks desks,
      HelpDesks::LoadFile(options.resources_dir + "/help_desks.json", geo.data().regions));
  VERDER_ASSIGN_OR_RETURN(std::unique_ptr<TextAnalysis> analysis,
                          TextAnalysis::LoadDefault(options.resources_dir));
  VERDER_ASSIGN_OR_RETURN(std::vector<funding::Scheme> schemes,
                          funding::LoadSchemes(options.resources_dir + "/schemes"));
  // The files, then what funders and the operator published through the API over them.
  funding::SchemeRegistry funding_schemes(std::move(schemes));
  {
    VERDER_ASSIGN_OR_RETURN(std::vector<SchemeVersion> published, store->LatestSchemeVersions());
    std::vector<std::string> definitions;
    definitions.reserve(published.size());
    for (SchemeVersion& v : published) definitions.push_back(std::move(v.definition));
    for (const Error& e : funding_schemes.Overlay(definitions)) {
      std::fprintf(stderr, "A published funding scheme is not used: %s\n", e.ToString().c_str());
    }
  }
  VERDER_ASSIGN_OR_RETURN(const Translations words,
                          Translations::LoadDir(options.resources_dir + "/i18n"));
  SearchIndex index(&geo, analysis.get());
  IndexFollower follower(store, &index);
  VERDER_ASSIGN_OR_RETURN(StoreCounts counts, store->Counts());
  ProgressBar bar("Zoekindex", counts.courses);
  VERDER_RETURN_IF_ERROR(follower.LoadAll([&bar](int64_t done) { bar.Update(done); }));
  bar.Finish();
  for (Suggestion& s : follower.TakeTitleSuggestions()) suggestions.push_back(std::move(s));
  const Suggester suggester(std::move(suggestions));
  SystemClock clock;
  ViewStats views;
  VERDER_ASSIGN_OR_RETURN(const ViewCounts stored_views, store->LoadViewCounts());
  views.Load(stored_views);
  // Counters reach the store in batches: a page view never waits for a disk write.
  PeriodicTask flush_views(std::chrono::seconds(10), [store, &views] {
    const Status s = store->AddViewCounts(views.TakePending());
    if (!s.ok())
      std::fprintf(stderr, "Could not save view counts: %s\n", s.error().ToString().c_str());
  });

  Router router;
  AddCatalogApi(store, &router);
  AddOpenDataApi(store, &router);
  VERDER_ASSIGN_OR_RETURN(std::string openapi_text,
                          ReadFile(options.resources_dir + "/openapi.yaml"));
  const nlohmann::json openapi = nlohmann::json::parse(openapi_text, nullptr, false);
  if (!openapi.is_object() || !openapi.contains("paths")) {
    return InvalidArgument("openapi.yaml", "is not a readable OpenAPI document (JSON syntax)");
  }
  AddOpenApiDocument(std::move(openapi_text), &router);
  AddSearchApi({&index, &suggester, &geo, &clock, &funding_schemes}, &router);
  AddFundingApi({&funding_schemes, store, &clock}, &router);
  const ApiKeyAuthenticator auth(store);
  AddSchemeApi({&funding_schemes, store, &auth, &clock}, &router);
  const FormTokens form_tokens;
  RateLimiter complaint_limit(options.complaints);
  RateLimiter feed_limit(options.feed_writes);
  RateLimiter suggest_limit(options.suggestions);
  RateLimiter saved_answers_limit(options.saved_answers);
  VERDER_RETURN_IF_ERROR(AddFeedApi({.store = store,
                                     .geo = &geo,
                                     .auth = &auth,
                                     .feeds_dir = options.resources_dir + "/feeds",
                                     .changed = [&follower] { follower.Wake(); }},
                                    &router));
  AddModerationApi({.store = store, .auth = &auth, .changed = [&follower] { follower.Wake(); }},
                   &router);
  AddSitePages({store, &index, &geo, &words, &clock, &views, &desks, &funding_schemes, &openapi,
                &form_tokens, &complaint_limit, &saved_answers_limit},
               &router);
  router.SetNotFound([&words](const HttpRequest& r) { return NotFoundPage(words, r.path); });

  HttpServerOptions server_options{
      .host = options.host, .port = options.port, .threads = options.threads};
  server_options.upload_authorised = [&auth](const std::string& authorization) {
    return auth.Authenticate(authorization).ok();
  };
  // Writes and autocomplete cost the most per request: they are limited per address before
  // any work is done (complaints are limited on their page, which answers in words).
  const auto limited = [&](const HttpRequest& r) -> RateLimiter* {
    if (r.method == "POST" || r.method == "PUT" || r.method == "DELETE") {
      if (r.target.rfind("/api/v1/providers", 0) == 0 || r.target.rfind("/api/v1/keys", 0) == 0 ||
          r.target.rfind("/api/v1/moderation", 0) == 0 ||
          r.target.rfind("/api/v1/funding/schemes", 0) == 0)
        return &feed_limit;
    }
    if (r.target.rfind("/api/v1/suggest", 0) == 0) return &suggest_limit;
    return nullptr;
  };
  HttpServer server(server_options, [&](const HttpRequest& r) {
    if (RateLimiter* limiter = limited(r)) {
      if (const std::optional<int> wait = limiter->Check(r.client_address, clock.NowUnixSeconds()))
        return TooManyRequests(*wait);
    }
    return router.Handle(r);
  });
  VERDER_RETURN_IF_ERROR(server.Start());
  follower.Start(std::chrono::milliseconds(200));
  std::fprintf(stderr, "Verder is ready on http://localhost:%u (%zu courses searchable)\n",
               server.port(), index.size());
  std::thread waiter([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::fprintf(stderr, "Stopping (signal %d): finishing requests in flight\n", signal);
    server.Stop();
  });
  server.Wait();
  waiter.join();
  follower.Stop();
  flush_views.Stop();
  return Status();
}

}  // namespace verder
