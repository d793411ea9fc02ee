// fuzz/http_request_fuzzer.cpp — what a client sends, as raw bytes: one to three pipelined
// HTTP/1.1 requests read by the parser the server uses (Boost.Beast's request_parser with the
// server's header, body and URL limits and its larger limit for authorised uploads), turned into
// an HttpRequest as web/http_server.cpp does (header names lower-cased, HEAD as GET), then the
// Router with every real page and API handler over an in-memory store: request-target parsing,
// headers (Authorization, Content-Type, Referer/Origin), the search and funding parameters, the
// feeds, moderation and the pages. Two API keys with fixed secrets (a provider's and the
// operator's, in http_request.dict) let the fuzzer past authentication; after any request that
// changed the store, the world is built afresh so every input meets the same state.
//
// Every answer is checked: a status from 100 to 599, header values without CR, LF or NUL
// (response splitting), JSON answers that are JSON, and HTML answers that are UTF-8 and never
// echo markup the request brought ("<fuzz" stays escaped).
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "auth/api_keys.h"
#include "auth/form_tokens.h"
#include "catalog/help_desks.h"
#include "core/file.h"
#include "core/utf8.h"
#include "funding/engine.h"
#include "funding/scheme_loader.h"
#include "fuzz/fuzz_support.h"
#include "ingest/feed_reader.h"
#include "insight/view_stats.h"
#include "search/search_index.h"
#include "search/suggester.h"
#include "search/text_analysis.h"
#include "store/sqlite/sqlite_store.h"
#include "web/catalog_api.h"
#include "web/feed_api.h"
#include "web/funding_api.h"
#include "web/http_server.h"
#include "web/i18n.h"
#include "web/moderation_api.h"
#include "web/open_data_api.h"
#include "web/pages/site_pages.h"
#include "web/rate_limiter.h"
#include "web/router.h"
#include "web/scheme_api.h"
#include "web/search_api.h"

namespace verder {
namespace {

namespace http = boost::beast::http;

// The keys' fixed secret: "vk_fuzzprovider_" and "vk_fuzzoperator_" are followed by 52 'a's.
std::string Secret() { return std::string(kApiKeySecretChars, 'a'); }

template <typename T>
T OrFail(Result<T> r, const char* what) {
  if (!r.ok()) fuzz::Fail(std::string(what) + ": " + r.error().ToString());
  return std::move(r).value();
}

// What never changes: reference data, analysis, rules, words.
struct Fixed {
  GeoIndex geo{fuzz::Reference()};
  std::unique_ptr<TextAnalysis> analysis;
  std::vector<funding::Scheme> schemes;
  std::unique_ptr<Translations> words;
  std::unique_ptr<HelpDesks> desks;
  std::string openapi_text;
  nlohmann::json openapi;
  std::vector<CourseWithOfferings> example_courses;
  FixedClock clock{1'780'000'000};  // 2026-05-28
  FormTokens form_tokens;
  HttpServerOptions limits;
};

// What a request may change: rebuilt after every write.
struct Live {
  std::unique_ptr<Store> store;
  std::unique_ptr<SearchIndex> index;
  std::unique_ptr<Suggester> suggester;
  std::unique_ptr<ViewStats> views;
  std::unique_ptr<ApiKeyAuthenticator> auth;
  std::unique_ptr<funding::SchemeRegistry> schemes;  // a PUT may publish a new version
  std::unique_ptr<RateLimiter> complaint_limit;
  std::unique_ptr<Router> router;
};

Fixed* fixed = nullptr;  // built once in LLVMFuzzerInitialize, never freed
Live* live = nullptr;

Fixed* BuildFixed() {
  auto* f = new Fixed();
  // The real synonyms, a small word list: the query target covers analysis with all of wdutch.
  SynonymTable synonyms =
      OrFail(SynonymTable::LoadFile(fuzz::SourcePath("data/synonyms.txt")), "synonyms");
  f->analysis = std::make_unique<TextAnalysis>(
      CompoundSplitter::FromWords({"zorg", "medewerker", "boek", "houden", "kinder", "opvang"}),
      std::move(synonyms));
  f->schemes = OrFail(funding::LoadSchemes(fuzz::SourcePath("data/schemes")), "schemes");
  f->words = std::make_unique<Translations>(
      OrFail(Translations::LoadDir(fuzz::SourcePath("data/i18n")), "i18n"));
  f->desks = std::make_unique<HelpDesks>(
      OrFail(HelpDesks::LoadFile(fuzz::SourcePath("data/help_desks.json"), f->geo.data().regions),
             "help desks"));
  f->openapi_text = OrFail(ReadFile(fuzz::SourcePath("data/openapi.yaml")), "openapi.yaml");
  f->openapi = nlohmann::json::parse(f->openapi_text, nullptr, false);
  const FeedParse example = ReadJsonFeed(
      OrFail(ReadFile(fuzz::SourcePath("data/feeds/example.json")), "example feed"), &f->geo);
  if (!example.rejected.empty()) fuzz::Fail("data/feeds/example.json has problems");
  for (const FeedRecord& r : example.records) f->example_courses.push_back(r.course);
  return f;
}

// A store with one provider, the example feed's courses and the two keys; the index, the
// autocomplete and the router over it, wired as app/serve.cpp wires them.
Live* BuildLive() {
  auto* l = new Live();
  l->store = OrFail(OpenSqliteStore({.path = ":memory:"}, &fixed->clock), "store");
  Store* store = l->store.get();
  const Actor actor{"fuzz"};
  if (!store->ReplaceReferenceData(fixed->geo.data()).ok()) fuzz::Fail("reference data");
  const UpsertReport providers =
      OrFail(store->UpsertProviders({{.key = "kvk:12345678", .name = "Leerhuis Utrecht"}}, actor),
             "provider");
  std::vector<CourseWithOfferings> courses = fixed->example_courses;
  for (CourseWithOfferings& c : courses) c.course.provider_id = providers.ids.at(0);
  OrFail(store->UpsertCourses(courses, actor), "courses");
  for (const std::string key_id : {"fuzzprovider", "fuzzoperator"}) {
    ApiKeyRecord key;
    if (key_id == "fuzzprovider") key.provider_id = providers.ids.at(0);
    key.key_id = key_id;
    key.secret_hash = HashApiKeySecret(key_id, Secret());
    OrFail(store->CreateApiKey(key, actor), "key");
  }

  l->index = std::make_unique<SearchIndex>(&fixed->geo, fixed->analysis.get());
  std::vector<IndexedCourse> indexed;
  std::vector<Suggestion> suggestions;
  const Status loaded =
      store->ForEachCourse([&](const Course& c, const std::vector<Offering>& offerings) {
        indexed.push_back({c, offerings, "Leerhuis Utrecht"});
        suggestions.push_back({c.title.nl, "course", 1});
        return Status();
      });
  if (!loaded.ok()) fuzz::Fail("courses from the store");
  l->index->Upsert(indexed);
  for (const VocabularyTerm& t : fixed->geo.data().occupations)
    suggestions.push_back({t.label, "occupation", 0});
  l->suggester = std::make_unique<Suggester>(std::move(suggestions));
  l->views = std::make_unique<ViewStats>();
  l->auth = std::make_unique<ApiKeyAuthenticator>(store);
  l->schemes = std::make_unique<funding::SchemeRegistry>(fixed->schemes);
  l->complaint_limit =
      std::make_unique<RateLimiter>(RateLimit{.requests = 5, .window_seconds = 600});

  l->router = std::make_unique<Router>();
  Router* router = l->router.get();
  AddCatalogApi(store, router);
  AddOpenDataApi(store, router);
  AddOpenApiDocument(fixed->openapi_text, router);
  AddSearchApi({l->index.get(), l->suggester.get(), &fixed->geo, &fixed->clock, l->schemes.get()},
               router);
  AddFundingApi({l->schemes.get(), store, &fixed->clock}, router);
  AddSchemeApi({l->schemes.get(), store, l->auth.get(), &fixed->clock}, router);
  const Status feeds = AddFeedApi({.store = store,
                                   .geo = &fixed->geo,
                                   .auth = l->auth.get(),
                                   .feeds_dir = fuzz::SourcePath("data/feeds"),
                                   .changed = nullptr},
                                  router);
  if (!feeds.ok()) fuzz::Fail("feed API: " + feeds.error().ToString());
  AddModerationApi({.store = store, .auth = l->auth.get(), .changed = nullptr}, router);
  AddSitePages({store, l->index.get(), &fixed->geo, fixed->words.get(), &fixed->clock,
                l->views.get(), fixed->desks.get(), l->schemes.get(), &fixed->openapi,
                &fixed->form_tokens, l->complaint_limit.get()},
               router);
  router->SetNotFound([](const HttpRequest& r) { return NotFoundPage(*fixed->words, r.path); });
  return l;
}

bool HasLineBreakOrNul(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

void CheckResponse(HttpResponse* res) {
  if (res->status < 100 || res->status > 599) fuzz::Fail("status " + std::to_string(res->status));
  if (HasLineBreakOrNul(res->content_type)) fuzz::Fail("a line break in Content-Type");
  for (const auto& [name, value] : res->headers) {
    if (HasLineBreakOrNul(name) || HasLineBreakOrNul(value))
      fuzz::Fail("a line break in header " + name);
  }
  std::string body = std::move(res->body);
  if (res->next_chunk) {
    body.clear();
    std::string chunk;
    for (int i = 0; i < 10000 && res->next_chunk(&chunk); ++i) {
      body += chunk;
      chunk.clear();
    }
    body += chunk;
    return;  // NDJSON, checked by the feed targets' round trip
  }
  const std::string_view type = res->content_type;
  if (type.rfind("application/json", 0) == 0 && !nlohmann::json::accept(body))
    fuzz::Fail("a JSON answer that is not JSON: " + body.substr(0, 200));
  if (type.rfind("text/html", 0) == 0) {
    if (!IsValidUtf8(body)) fuzz::Fail("an HTML answer that is not UTF-8");
    if (body.find("<fuzz") != std::string::npos) fuzz::Fail("markup from the request in a page");
  }
}

int64_t LastSeq() { return OrFail(live->store->Counts(), "counts").last_seq; }

// As web/http_server.cpp's ToRequest.
HttpRequest ToRequest(const http::request<http::string_body>& req) {
  HttpRequest out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  out.body = req.body();
  out.client_address = "203.0.113.7";
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  return out;
}

// Reads one request from `bytes` as a connection would: the header first, then (for an
// authorised upload, with the larger limit) the body. Returns the bytes used; 0 when the request
// is incomplete or broken (the server would wait, or answer 400/413/431 and close).
size_t HandleOne(std::string_view bytes) {
  const HttpServerOptions& options = fixed->limits;
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(options.max_body_bytes);
  parser.eager(true);
  boost::beast::error_code ec;
  size_t used = 0;
  while (!parser.is_header_done() && used < bytes.size()) {
    const size_t n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec || n == 0) break;
  }
  if (ec || !parser.is_header_done()) return 0;
  const auto& head = parser.get();
  const std::string& prefix = options.upload_path_prefix;
  if (head.method() == http::verb::post && head.target().substr(0, prefix.size()) == prefix &&
      live->auth->Authenticate(std::string(head[http::field::authorization])).ok()) {
    parser.body_limit(options.max_upload_body_bytes);
  }
  while (!parser.is_done() && used < bytes.size()) {
    const size_t n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec || n == 0) break;
  }
  if (!ec && !parser.is_done() && parser.need_eof()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;
  const auto& req = parser.get();
  if (req.target().size() > options.max_target_bytes) return 0;  // 414
  HttpRequest request = ToRequest(req);
  if (req.method() == http::verb::head) request.method = "GET";
  const bool may_write = request.method != "GET";
  const int64_t seq = may_write ? LastSeq() : 0;
  HttpResponse res = live->router->Handle(request);
  CheckResponse(&res);
  if (may_write && (res.status < 400 || LastSeq() != seq)) {
    delete live;
    live = BuildLive();
  }
  return req.keep_alive() ? used : 0;
}

}  // namespace
}  // namespace verder

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  verder::fixed = verder::BuildFixed();
  verder::live = verder::BuildLive();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (int i = 0; i < 3 && !bytes.empty(); ++i) {
    const size_t used = verder::HandleOne(bytes);
    if (used == 0) break;
    bytes.remove_prefix(used);
  }
  return 0;
}
