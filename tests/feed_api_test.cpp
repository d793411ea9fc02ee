// Black-box tests of provider feeds through the real binary: the operator makes a provider and
// its key with `verder admin`, the provider posts its offer (OOAPI JSON, NDJSON, CSV), sees it
// in search within a second, changes and withdraws it, survives a kill -9 mid-feed, and loads a
// file with `verder ingest`. Wrong, revoked and foreign keys change nothing.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <set>

#include "tests/feed_api_fixture.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpSend;
using testing::QueryInt;
using testing::QueryText;

TEST_F(FeedApiTest, ProviderKeepsItsOfferCurrent) {
  const std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const int64_t provider = ProviderId("kvk:12345678");
  const uint16_t port = Serve();
  ASSERT_NE(port, 0);
  const std::string example = testing::ReadAll(source_ + "/data/feeds/example.json");

  // A new feed: every course is created and searchable within a second (the follower is woken).
  auto first = Post(port, provider, key, example);
  ASSERT_EQ(first.status, 200) << first.body;
  json report = json::parse(first.body);
  EXPECT_EQ(report["accepted"], 3);
  EXPECT_EQ(report["created"], 3);
  EXPECT_TRUE(report["rejected"].empty());
  int64_t bookkeeping = 0;
  for (const auto& c : report["courses"])
    if (c["id"] == "bk-2026") bookkeeping = c["course_id"];
  ASSERT_GT(bookkeeping, 0);
  EXPECT_TRUE(Finds(port, "basiscursus+boekhouden", bookkeeping, true, 1));

  // The same feed again changes nothing and writes no audit row.
  const int64_t audit_before = AuditRows();
  report = json::parse(Post(port, provider, key, example).body);
  EXPECT_EQ(report["unchanged"], 3);
  EXPECT_EQ(report["created"], 0);
  EXPECT_EQ(AuditRows(), audit_before);

  // A delta with one valid change and one broken record: the valid one is stored, the broken
  // one reported with its place, field and reason, and nothing of it is stored.
  json changed = json::parse(example);
  changed[0]["name"][0]["value"] = "Basiscursus boekhouden voor zzp'ers";
  json broken = changed[1];
  broken["courseId"] = "new-broken";
  broken["link"] = "javascript:alert(1)";
  const json delta = json::array({changed[0], broken});
  auto mixed = Post(port, provider, key, delta.dump());
  ASSERT_EQ(mixed.status, 200) << mixed.body;
  report = json::parse(mixed.body);
  EXPECT_EQ(report["updated"], 1);
  ASSERT_FALSE(report["rejected"].empty());
  EXPECT_EQ(report["rejected"][0]["index"], 1);
  EXPECT_EQ(report["rejected"][0]["id"], "new-broken");
  EXPECT_EQ(report["rejected"][0]["code"], "url");
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE external_id = 'new-broken'"), 0);

  // The history says who changed which field, old → new; the course page says it too.
  const auto history = HttpGet(port, "/api/v1/courses/" + std::to_string(bookkeeping) + "/history");
  ASSERT_EQ(history.status, 200);
  const json items = json::parse(history.body)["items"];
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["action"], "create");
  EXPECT_EQ(items[1]["action"], "update");
  EXPECT_EQ(items[1]["by"].get<std::string>().rfind("provider:" + std::to_string(provider), 0), 0U);
  EXPECT_EQ(items[1]["changes"]["title"][1]["nl"], "Basiscursus boekhouden voor zzp'ers");
  const auto page = HttpGet(port, "/opleiding/" + std::to_string(bookkeeping));
  EXPECT_NE(page.body.find("door Leerhuis Utrecht"), std::string::npos);
  EXPECT_NE(page.body.find("Veranderd: title"), std::string::npos);

  // A full feed without the bookkeeping course withdraws it (kept, with its history).
  json rest = json::array({changed[1], changed[2]});
  report =
      json::parse(Post(port, provider, key, rest.dump(), "application/json", "?mode=full").body);
  EXPECT_EQ(report["withdrawn"], 1);
  EXPECT_FALSE(Finds(port, "basiscursus+boekhouden", bookkeeping, false, 1));
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE id = " + std::to_string(bookkeeping) +
                              " AND status = 'withdrawn'"),
            1);

  // A full feed with a record that cannot even be identified withdraws nothing.
  const std::string ndjson = changed[1].dump() + "\n{not json\n";
  report =
      json::parse(Post(port, provider, key, ndjson, "application/x-ndjson", "?mode=full").body);
  EXPECT_TRUE(report["withdrawal_skipped"]);
  EXPECT_EQ(report["withdrawn"], 0);
  EXPECT_EQ(report["rejected"][0]["line"], 2);
  EXPECT_EQ(
      QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE status = 'active' AND provider_id = " +
                        std::to_string(provider)),
      2);

  // CSV: the downloadable example is accepted as it is.
  const auto csv_example = HttpGet(port, "/api/v1/feeds/example.csv");
  ASSERT_EQ(csv_example.status, 200);
  report = json::parse(Post(port, provider, key, csv_example.body, "text/csv").body);
  EXPECT_EQ(report["accepted"], 3);
  EXPECT_TRUE(report["rejected"].empty());
  EXPECT_EQ(HttpGet(port, "/api/v1/feeds/template.csv").body.substr(0, 10), "course_id;");

  // DELETE withdraws one course by the provider's own id; an unknown id is a 404.
  const auto deleted =
      HttpSend(port, "DELETE", "/api/v1/providers/" + std::to_string(provider) + "/courses/py-data",
               {{"Authorization", "Bearer " + key}}, "");
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(QueryText(db_, "SELECT status FROM courses WHERE external_id = 'py-data'"),
            "withdrawn");
  EXPECT_EQ(
      HttpSend(port, "DELETE", "/api/v1/providers/" + std::to_string(provider) + "/courses/nope",
               {{"Authorization", "Bearer " + key}}, "")
          .status,
      404);
}

TEST_F(FeedApiTest, WrongRevokedAndForeignKeysChangeNothing) {
  const std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const std::string other_key = ProviderWithKey("kvk:87654321", "Cursushuis Groningen");
  const int64_t provider = ProviderId("kvk:12345678");
  const std::string revoked =
      KeyFrom(Admin({"key-create", "--provider", std::to_string(provider), "--label", "old"}));
  Admin({"key-revoke", revoked});
  const uint16_t port = Serve();
  ASSERT_NE(port, 0);
  const std::string example = testing::ReadAll(source_ + "/data/feeds/example.json");
  const int64_t audit_before = AuditRows();

  const auto none =
      HttpSend(port, "POST", "/api/v1/providers/" + std::to_string(provider) + "/courses",
               {{"Content-Type", "application/json"}}, example);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.headers.count("www-authenticate"), 1U);
  std::string wrong = key;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(Post(port, provider, wrong, example).status, 401);
  const auto revoked_answer = Post(port, provider, revoked, example);
  EXPECT_EQ(revoked_answer.status, 401);
  EXPECT_EQ(revoked_answer.body.find(revoked), std::string::npos);  // never echoed back
  EXPECT_EQ(Post(port, provider, other_key, example).status, 403);
  EXPECT_EQ(
      HttpSend(port, "DELETE", "/api/v1/providers/" + std::to_string(provider) + "/courses/bk-2026",
               {{"Authorization", "Bearer " + other_key}}, "")
          .status,
      403);
  EXPECT_EQ(Post(port, 999999, key, example).status, 403);  // not its own provider either
  EXPECT_EQ(AuditRows(), audit_before);
  EXPECT_EQ(
      QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE provider_id = " + std::to_string(provider)),
      0);

  // Everything rejected is a 422 with the reasons; a bad mode or content type a 400.
  const auto all_bad = Post(port, provider, key, "[{\"courseId\": \"x\"}]");
  EXPECT_EQ(all_bad.status, 422);
  EXPECT_FALSE(json::parse(all_bad.body)["rejected"].empty());
  EXPECT_EQ(Post(port, provider, key, example, "application/json", "?mode=some").status, 400);
  EXPECT_EQ(Post(port, provider, key, example, "application/xml").status, 400);
}

// A feed file of `copies` times the three example courses, each copy with its own ids.
std::string CopiedFeed(const std::string& example_json, int copies) {
  const json courses = json::parse(example_json);
  std::string ndjson;
  for (int i = 0; i < copies; ++i) {
    for (json c : courses) {
      c["courseId"] = c["courseId"].get<std::string>() + "-" + std::to_string(i);
      for (json& o : c["offerings"])
        o["offeringId"] = o["offeringId"].get<std::string>() + "-" + std::to_string(i);
      ndjson += c.dump() + "\n";
    }
  }
  return ndjson;
}

// A kill -9 in the middle of a large feed leaves all of it or none, and the search index that
// is rebuilt at the next start agrees with the store.
TEST_F(FeedApiTest, KillDuringALargeFeedKeepsAllOrNothing) {
  std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const int64_t provider = ProviderId("kvk:12345678");
  const std::string feed =
      CopiedFeed(testing::ReadAll(source_ + "/data/feeds/example.json"), 2000);  // 6000 courses
  const std::string count_sql =
      "SELECT COUNT(*) FROM courses WHERE provider_id = " + std::to_string(provider);
  std::set<int64_t> outcomes;
  for (int delay_ms : {30, 250, 1500}) {
    const uint16_t port = Serve();
    ASSERT_NE(port, 0);
    std::thread sender([&] { Post(port, provider, key, feed, "application/x-ndjson"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid_, SIGKILL);
    testing::WaitExit(pid_);
    pid_ = 0;
    sender.join();
    const int64_t stored = QueryInt(db_, count_sql);
    EXPECT_TRUE(stored == 0 || stored == 6000) << "after " << delay_ms << " ms: " << stored;
    EXPECT_EQ(QueryInt(db_,
                       "SELECT COUNT(DISTINCT entity_id) FROM audit WHERE entity = 'course' "
                       "AND actor LIKE 'provider:%'"),
              stored);
    outcomes.insert(stored);
    // Restarted, the index holds what the store holds.
    const uint16_t again = Serve();
    ASSERT_NE(again, 0);
    const json found = json::parse(
        HttpGet(again, "/api/v1/search?per_page=1&provider=" + std::to_string(provider)).body);
    EXPECT_EQ(found["total"], stored);
    ::kill(pid_, SIGTERM);
    EXPECT_EQ(testing::WaitExit(pid_), 0);
    pid_ = 0;
    if (stored == 6000) {
      // Start over, so the next round can be cut short again.
      std::filesystem::remove(db_ + "-wal");
      std::filesystem::remove(db_ + "-shm");
      std::string why;
      ASSERT_TRUE(testing::CopyImportedDatabase(db_, &why)) << why;
      key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
      ASSERT_EQ(ProviderId("kvk:12345678"), provider);
    }
  }
  RecordProperty("outcomes", static_cast<int>(outcomes.size()));
}

// `verder ingest FILE`: the same validation as the API, progress on stderr, the rejected
// records listed, exit code 2 for a partial feed; --full withdraws what the file lacks.
TEST_F(FeedApiTest, IngestCommandStoresAFileAndListsWhatItRejected) {
  // Postcodes are checked against the open data: the fixture's database holds it.
  Admin({"provider-add", "--key", "kvk:12345678", "--name", "Leerhuis Utrecht"});
  const int64_t provider = ProviderId("kvk:12345678");
  json courses = json::parse(testing::ReadAll(source_ + "/data/feeds/example.json"));
  json broken = courses[0];
  broken["courseId"] = "broken";
  broken["offerings"][0]["startDate"] = "2026-02-30";
  courses.push_back(broken);
  const std::string file = (dir_ / "feed.json").string();
  {
    std::ofstream out(file);
    out << courses.dump();
  }
  const auto ingest = [&](const std::vector<std::string>& extra, int* code) {
    std::vector<std::string> args = {"--db", db_,          "ingest",
                                     file,   "--provider", std::to_string(provider)};
    args.insert(args.end(), extra.begin(), extra.end());
    const std::string log = (dir_ / ("ingest" + std::to_string(++runs_) + ".log")).string();
    *code = testing::WaitExit(testing::Spawn(args, log));
    return testing::ReadAll(log);
  };
  int code = 0;
  std::string out = ingest({}, &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("accepted 3"), std::string::npos) << out;
  EXPECT_NE(out.find("created 3"), std::string::npos) << out;
  EXPECT_NE(out.find("record 3 (broken), offerings[0].startDate"), std::string::npos) << out;
  EXPECT_NE(out.find("Opslaan"), std::string::npos) << out;  // the progress bar
  out = ingest({}, &code);
  EXPECT_NE(out.find("unchanged 3"), std::string::npos) << out;

  courses.erase(courses.size() - 1);  // the broken one
  courses.erase(0);                   // and the first: --full withdraws it
  {
    std::ofstream out_file(file);
    out_file << courses.dump();
  }
  out = ingest({"--full"}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("withdrawn 1"), std::string::npos) << out;
  EXPECT_EQ(QueryText(db_, "SELECT status FROM courses WHERE external_id = 'bk-2026'"),
            "withdrawn");
}

}  // namespace
}  // namespace verder
