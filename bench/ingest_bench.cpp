// bench/ingest_bench.cpp — a provider's feed through validation, the store and the search index
// (issue 6), and the time from an accepted POST to the course being found by search.
//
//   ingest_bench --data ../shared/data --resources data [--courses 100000] [--db /dev/shm/x.db]
//
// The feed is the demo catalogue's first N courses written by our OOAPI writer as NDJSON, all
// for one provider, the way a large provider would send its whole offer. Phases, each timed:
// read and validate (ReadJsonFeed), store in one transaction (Store::SyncProviderCourses) and
// bring the index up to date from the store's change log (IndexFollower::CatchUp, as the server
// does). Then the live figure: a one-course feed POSTed through the real router and feed API
// (key check included), and the time until SearchIndex::Search returns it, 25 times.
// Prints `name value unit` lines like the other benchmarks.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/index_follower.h"
#include "auth/api_keys.h"
#include "ingest/demo_catalog.h"
#include "ingest/feed_reader.h"
#include "ingest/ooapi_writer.h"
#include "ingest/reference_import.h"
#include "search/search_index.h"
#include "search/text_analysis.h"
#include "store/sqlite/sqlite_store.h"
#include "web/feed_api.h"

namespace verder {
namespace {

using Clock = std::chrono::steady_clock;

void Figure(const std::string& name, double value, const char* unit) {
  std::printf("%s %.3f %s\n", name.c_str(), value, unit);
  std::fflush(stdout);
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Options {
  std::string data_dir = "../shared/data";
  std::string resources_dir = "data";
  int64_t courses = 100000;
  std::string db = "/dev/shm/verder-ingest-bench.db";
};

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--data") o.data_dir = value;
    if (flag == "--resources") o.resources_dir = value;
    if (flag == "--courses") o.courses = std::stoll(value);
    if (flag == "--db") o.db = value;
  }
  return o;
}

int Fail(const std::string& what, const Error& e) {
  std::fprintf(stderr, "ingest_bench: %s: %s\n", what.c_str(), e.ToString().c_str());
  return 1;
}

// The NDJSON feed of `n` demo courses, all under `provider`, with ids the provider would use.
std::string MakeFeed(const DemoCatalog& demo, const Provider& provider, int64_t n) {
  std::string body;
  for (int64_t i = 0; i < n; ++i) {
    CourseRecord r;
    ImportedCourse c = demo.CourseAt(i);
    r.course = std::move(c.course.course);
    r.course.external_id = "course-" + std::to_string(i);
    r.course.is_demo = false;  // a provider's real feed, not demo data
    r.offerings = std::move(c.course.offerings);
    r.provider = provider;
    body += OoapiCourseJson(r).dump() + "\n";
  }
  return body;
}

int Main(int argc, char** argv) {
  const Options o = ParseOptions(argc, argv);
  std::vector<ImportReport> reports;
  Result<ReferenceData> reference = ReadReferenceData(o.data_dir, &reports);
  if (!reference.ok()) return Fail("reference data", reference.error());
  const GeoIndex geo(std::move(reference).value());
  const SystemClock clock;
  const DemoCatalog demo(geo.data(), {.courses = o.courses, .seed = 7, .today = clock.Today()});

  std::filesystem::remove(o.db);
  Result<std::unique_ptr<Store>> opened = OpenSqliteStore({.path = o.db}, &clock);
  if (!opened.ok()) return Fail("store", opened.error());
  Store* store = opened.value().get();
  Provider provider;
  provider.key = "kvk:12345678";
  provider.name = "Leerhuis Benchmark";
  provider.website = "https://example.nl";
  Result<UpsertReport> added = store->UpsertProviders({provider}, Actor{"bench"});
  if (!added.ok()) return Fail("provider", added.error());
  provider.id = added.value().ids[0];

  std::fprintf(stderr, "writing a feed of %lld courses...\n", static_cast<long long>(o.courses));
  const std::string body = MakeFeed(demo, provider, o.courses);
  Figure("ingest.courses", static_cast<double>(o.courses), "courses");
  Figure("ingest.feed_mb", static_cast<double>(body.size()) / 1e6, "MB");

  Result<std::unique_ptr<TextAnalysis>> analysis = TextAnalysis::LoadDefault(o.resources_dir);
  if (!analysis.ok()) return Fail("text analysis", analysis.error());
  SearchIndex index(&geo, analysis.value().get());
  IndexFollower follower(store, &index);
  if (const Status s = follower.LoadAll(nullptr); !s.ok()) return Fail("index", s.error());

  std::fprintf(stderr, "ingesting...\n");
  const auto start = Clock::now();
  FeedParse parse = ReadJsonFeed(body, &geo);
  const double read_s = SecondsSince(start);
  if (!parse.rejected.empty()) {
    std::fprintf(stderr, "ingest_bench: %zu problems, first: %s %s\n", parse.rejected.size(),
                 parse.rejected[0].field.c_str(), parse.rejected[0].message.c_str());
  }
  std::vector<CourseWithOfferings> courses;
  courses.reserve(parse.records.size());
  for (FeedRecord& r : parse.records) {
    r.course.course.provider_id = provider.id;
    courses.push_back(std::move(r.course));
  }
  const auto store_start = Clock::now();
  const Result<FeedSyncReport> synced =
      store->SyncProviderCourses(provider.id, courses, {}, Actor{"bench"});
  if (!synced.ok()) return Fail("store", synced.error());
  const double store_s = SecondsSince(store_start);
  const auto index_start = Clock::now();
  const Result<int> caught_up = follower.CatchUp();
  if (!caught_up.ok()) return Fail("index", caught_up.error());
  const double index_s = SecondsSince(index_start);
  const double total_s = SecondsSince(start);
  const auto n = static_cast<double>(courses.size());
  Figure("ingest.accepted", n, "courses");
  Figure("ingest.rejected", static_cast<double>(parse.records_rejected), "courses");
  Figure("ingest.read_validate_rate", n / read_s, "courses/s");
  Figure("ingest.store_rate", n / store_s, "courses/s");
  Figure("ingest.index_rate", n / index_s, "courses/s");
  Figure("ingest.total_rate", n / total_s, "courses/s");
  Figure("ingest.searchable", static_cast<double>(index.size()), "courses");

  // Live: one changed course through the real feed API, until search finds it.
  const GeneratedKey key = GenerateApiKey();
  ApiKeyRecord record;
  record.provider_id = provider.id;
  record.key_id = key.key_id;
  record.secret_hash = key.secret_hash;
  if (const Result<int64_t> k = store->CreateApiKey(record, Actor{"bench"}); !k.ok()) {
    return Fail("key", k.error());
  }
  const ApiKeyAuthenticator auth(store);
  Router router;
  const Status api = AddFeedApi({.store = store,
                                 .geo = &geo,
                                 .auth = &auth,
                                 .feeds_dir = o.resources_dir + "/feeds",
                                 .changed = [&follower] { follower.Wake(); }},
                                &router);
  if (!api.ok()) return Fail("feed api", api.error());
  follower.Start(std::chrono::milliseconds(200));
  std::vector<double> ms;
  for (int i = 0; i < 25; ++i) {
    CourseRecord r;
    ImportedCourse c = demo.CourseAt(i);
    r.course = std::move(c.course.course);
    r.course.external_id = "live-" + std::to_string(i);
    // A word no other course has, so the search answers exactly when this course is in.
    const std::string word = "livetest" + std::string(1, static_cast<char>('a' + i % 26)) + "x";
    r.course.title.nl = "Cursus " + word;
    r.offerings = std::move(c.course.offerings);
    r.provider = provider;
    HttpRequest post;
    post.method = "POST";
    post.target = "/api/v1/providers/" + std::to_string(provider.id) + "/courses";
    post.headers["authorization"] = "Bearer " + key.plaintext;
    post.headers["content-type"] = "application/x-ndjson";
    post.body = OoapiCourseJson(r).dump() + "\n";
    const auto posted = Clock::now();
    const HttpResponse answer = router.Handle(post);
    if (answer.status != 200) {
      std::fprintf(stderr, "ingest_bench: POST answered %d: %s\n", answer.status,
                   answer.body.c_str());
      return 1;
    }
    const int64_t id = nlohmann::json::parse(answer.body)["courses"][0]["course_id"];
    SearchQuery q;
    q.text = word;
    q.today = clock.Today();
    while (true) {
      const SearchResult found = index.Search(q);
      if (std::any_of(found.hits.begin(), found.hits.end(),
                      [id](const SearchHit& h) { return h.id == id; })) {
        break;
      }
      if (SecondsSince(posted) > 10) {
        std::fprintf(stderr, "ingest_bench: course %lld not found after 10 s\n",
                     static_cast<long long>(id));
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ms.push_back(SecondsSince(posted) * 1000.0);
  }
  follower.Stop();
  std::sort(ms.begin(), ms.end());
  Figure("ingest.post_to_searchable_p50_ms", ms[ms.size() / 2], "ms");
  Figure("ingest.post_to_searchable_max_ms", ms.back(), "ms");
  std::filesystem::remove(o.db);
  return 0;
}

}  // namespace
}  // namespace verder

int main(int argc, char** argv) { return verder::Main(argc, argv); }
