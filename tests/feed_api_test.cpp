// Black-box tests of provider feeds through the real binary: the operator makes a provider and
// its key with `verder admin`, the provider posts its offer (OOAPI JSON, NDJSON, CSV), sees it
// in search within a second, changes and withdraws it, and anyone reads the history, the export
// and the OOAPI pages. Wrong, revoked and foreign keys change nothing.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "tests/http_client.h"
#include "tests/test_paths.h"
#include "tests/verder_process.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpSend;
using testing::QueryInt;
using testing::QueryText;

class FeedApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = (dir_ / "verder.db").string();
    source_ = VERDER_SOURCE_DIR_DEFAULT;
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      EXPECT_EQ(testing::WaitExit(pid_), 0);
    }
    std::filesystem::remove_all(dir_);
  }

  std::string Admin(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--db", db_, "admin"};
    all.insert(all.end(), args.begin(), args.end());
    const std::string log = (dir_ / ("admin" + std::to_string(++runs_) + ".log")).string();
    EXPECT_EQ(testing::WaitExit(testing::Spawn(all, log)), 0) << testing::ReadAll(log);
    return testing::ReadAll(log);
  }
  // A provider and a key for it; returns the key.
  std::string ProviderWithKey(const std::string& key, const std::string& name) {
    Admin({"provider-add", "--key", key, "--name", name, "--website", "https://example.nl"});
    const int64_t id = QueryInt(db_, "SELECT id FROM providers WHERE key = '" + key + "'");
    return KeyFrom(Admin({"key-create", "--provider", std::to_string(id), "--label", "feed"}));
  }
  static std::string KeyFrom(const std::string& output) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(output, m, std::regex("vk_[a-z2-7]+_[a-z2-7]+"))) << output;
    return m.empty() ? "" : m.str(0);
  }
  int64_t ProviderId(const std::string& key) const {
    return QueryInt(db_, "SELECT id FROM providers WHERE key = '" + key + "'");
  }
  uint16_t Serve(const std::vector<std::string>& extra = {}) {
    // A log per start: the next start must not find the last one's "ready" line.
    const std::string log = (dir_ / ("serve" + std::to_string(++runs_) + ".log")).string();
    std::vector<std::string> args = {"--db",
                                     db_,
                                     "--data",
                                     testing::SharedDataDir(),
                                     "serve",
                                     "--port",
                                     "0",
                                     "--threads",
                                     "2",
                                     "--demo-courses",
                                     "0",
                                     "--resources",
                                     source_ + "/data"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = testing::Spawn(args, log);
    const uint16_t port = testing::WaitForPort(pid_, log, 300);
    EXPECT_NE(port, 0) << testing::ReadAll(log);
    return port;
  }
  testing::HttpResult Post(uint16_t port, int64_t provider, const std::string& key,
                           const std::string& body, const std::string& type = "application/json",
                           const std::string& query = "") {
    return HttpSend(port, "POST",
                    "/api/v1/providers/" + std::to_string(provider) + "/courses" + query,
                    {{"Authorization", "Bearer " + key}, {"Content-Type", type}}, body);
  }
  // Ids found by a search, waiting up to `seconds` for `want` (found or not).
  bool Finds(uint16_t port, const std::string& q, int64_t id, bool want, int seconds = 5) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (true) {
      const auto r = HttpGet(port, "/api/v1/search?per_page=50&q=" + q);
      bool found = false;
      const json answer = json::parse(r.body);
      for (const auto& item : answer["items"]) found |= item["id"] == id;
      if (found == want) return found;
      if (std::chrono::steady_clock::now() > until) {
        ADD_FAILURE() << "searching " << q << " for " << id << ": " << r.body.substr(0, 600);
        return found;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  int64_t AuditRows() const { return QueryInt(db_, "SELECT COUNT(*) FROM audit"); }

  std::filesystem::path dir_;
  std::string db_;
  std::string source_;
  pid_t pid_ = 0;
  int runs_ = 0;
};

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

TEST_F(FeedApiTest, OpenDataExportAndOoapiPages) {
  const std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const int64_t provider = ProviderId("kvk:12345678");
  const uint16_t port = Serve();
  ASSERT_NE(port, 0);
  ASSERT_EQ(
      Post(port, provider, key, testing::ReadAll(source_ + "/data/feeds/example.json")).status,
      200);

  // The export streams every active course (the real DUO catalogue and the feed) as NDJSON.
  const auto exported = HttpGet(port, "/api/v1/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.headers.at("transfer-encoding"), "chunked");
  int64_t lines = 0;
  bool saw_feed_course = false;
  size_t at = 0;
  while (at < exported.body.size()) {
    const size_t end = exported.body.find('\n', at);
    ASSERT_NE(end, std::string::npos);
    const json course = json::parse(exported.body.substr(at, end - at));
    saw_feed_course |= course["external_id"] == "bk-2026";
    EXPECT_EQ(course["status"], "active");
    ++lines;
    at = end + 1;
  }
  EXPECT_EQ(lines, QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE status = 'active'"));
  EXPECT_GT(lines, 1000);  // more than one chunk
  EXPECT_TRUE(saw_feed_course);

  // OOAPI pages: sizes, numbers and the has-next flags agree with the count.
  const auto page = HttpGet(port, "/ooapi/v5/courses?pageSize=2&pageNumber=2");
  ASSERT_EQ(page.status, 200);
  const json p = json::parse(page.body);
  EXPECT_EQ(p["pageSize"], 2);
  EXPECT_EQ(p["pageNumber"], 2);
  EXPECT_TRUE(p["hasPreviousPage"]);
  EXPECT_TRUE(p["hasNextPage"]);
  EXPECT_EQ(p["totalPages"], (lines + 1) / 2);
  ASSERT_EQ(p["items"].size(), 2U);
  EXPECT_TRUE(p["items"][0].contains("courseId"));
  EXPECT_EQ(HttpGet(port, "/ooapi/v5/courses?pageSize=0").status, 400);
  EXPECT_EQ(HttpGet(port, "/ooapi/v5/courses?pageSize=251").status, 400);

  const int64_t id = QueryInt(db_, "SELECT id FROM courses WHERE external_id = 'bk-2026'");
  const auto course = HttpGet(port, "/ooapi/v5/courses/" + std::to_string(id));
  ASSERT_EQ(course.status, 200);
  EXPECT_EQ(json::parse(course.body)["name"][0]["value"], "Basiscursus boekhouden");
  const auto offerings = HttpGet(port, "/ooapi/v5/courses/" + std::to_string(id) + "/offerings");
  ASSERT_EQ(offerings.status, 200);
  EXPECT_EQ(json::parse(offerings.body)["items"].size(), 2U);
  EXPECT_EQ(HttpGet(port, "/ooapi/v5/courses/99999999").status, 404);
}

// Every example in the OpenAPI document, sent to the running server: the status it documents,
// and every top-level field of the documented answer present in the real one.
TEST_F(FeedApiTest, OpenApiExamplesHoldAgainstTheServer) {
  const std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const std::string operator_key = KeyFrom(Admin({"key-create", "--operator"}));
  const int64_t provider = ProviderId("kvk:12345678");
  const uint16_t port = Serve();
  ASSERT_NE(port, 0);
  const json setup = json::parse(
      Post(port, provider, key, testing::ReadAll(source_ + "/data/feeds/example.json")).body);
  const std::map<std::string, std::string> placeholders = {
      {"{course}", std::to_string(setup["courses"][0]["course_id"].get<int64_t>())},
      {"{other_course}", std::to_string(setup["courses"][1]["course_id"].get<int64_t>())},
      {"{provider}", std::to_string(provider)}};
  const json doc = json::parse(testing::ReadAll(source_ + "/data/openapi.yaml"));
  EXPECT_EQ(json::parse(HttpGet(port, "/api/v1/openapi.yaml").body), doc);
  const std::string docs_page = HttpGet(port, "/en/developers").body;

  const auto fill = [&](std::string text) {
    for (const auto& [name, value] : placeholders) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name))
        text.replace(at, name.size(), value);
    }
    return text;
  };
  int checked = 0;
  for (const auto& [path, methods] : doc["paths"].items()) {
    EXPECT_NE(docs_page.find(path), std::string::npos) << path << " missing from the docs page";
    for (const auto& [method, op] : methods.items()) {
      ASSERT_TRUE(op.contains("x-verder-examples")) << method << " " << path << " has no example";
      for (const json& example : op["x-verder-examples"]) {
        const std::string target = fill(example["target"]);
        std::map<std::string, std::string> headers;
        const std::string role = example.value("key", json()).is_string() ? example["key"] : "";
        if (role == "provider") headers["Authorization"] = "Bearer " + key;
        if (role == "operator") headers["Authorization"] = "Bearer " + operator_key;
        std::string body;
        if (example.contains("body_file")) {
          body = testing::ReadAll(source_ + "/" + example["body_file"].get<std::string>());
        } else if (example.contains("body")) {
          body = fill(example["body"]);
        }
        if (example.contains("content_type")) headers["Content-Type"] = example["content_type"];
        const auto answer = HttpSend(port, example.value("method", "GET"), target, headers, body);
        const int status = example["status"];
        EXPECT_EQ(answer.status, status) << target << ": " << answer.body.substr(0, 300);
        ++checked;
        if (example.value("ndjson", false)) {
          EXPECT_TRUE(json::parse(answer.body.substr(0, answer.body.find('\n'))).is_object());
          continue;
        }
        const json documented = op["responses"][std::to_string(status)]["content"]
                                    .value("application/json", json::object())
                                    .value("example", json());
        if (!documented.is_object()) continue;
        const json real = json::parse(answer.body);
        for (const auto& [field, value] : documented.items())
          EXPECT_TRUE(real.contains(field)) << target << " lacks the documented field " << field;
      }
    }
  }
  EXPECT_GE(checked, 35);
}

// The operator makes a provider and its key through the API, takes a course off the site with a
// reason the provider can read, and puts it back; nothing of it shows while it is held.
TEST_F(FeedApiTest, OperatorHoldsACourseAndTheProviderSeesWhy) {
  const std::string operator_key = KeyFrom(Admin({"key-create", "--operator"}));
  const uint16_t port = Serve();
  ASSERT_NE(port, 0);
  const std::map<std::string, std::string> as_operator = {
      {"Authorization", "Bearer " + operator_key}, {"Content-Type", "application/json"}};
  const auto made = HttpSend(port, "POST", "/api/v1/providers", as_operator,
                             R"({"key": "kvk:12345678", "name": "Leerhuis Utrecht"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t provider = json::parse(made.body)["id"];
  EXPECT_EQ(HttpSend(port, "POST", "/api/v1/providers", as_operator,
                     R"({"key": "kvk:12345678", "name": "Again"})")
                .status,
            409);
  EXPECT_EQ(
      HttpSend(port, "POST", "/api/v1/providers", as_operator, R"({"name": "No key"})").status,
      400);
  const auto key_answer = HttpSend(
      port, "POST", "/api/v1/providers/" + std::to_string(provider) + "/keys", as_operator, "{}");
  ASSERT_EQ(key_answer.status, 201) << key_answer.body;
  const std::string key = json::parse(key_answer.body)["key"];
  // Only the operator may make keys: a provider's own key may not.
  EXPECT_EQ(HttpSend(port, "POST", "/api/v1/providers/" + std::to_string(provider) + "/keys",
                     {{"Authorization", "Bearer " + key}}, "{}")
                .status,
            403);

  const json report = json::parse(
      Post(port, provider, key, testing::ReadAll(source_ + "/data/feeds/example.json")).body);
  const int64_t course = report["courses"][0]["course_id"];
  ASSERT_TRUE(Finds(port, "basiscursus+boekhouden", course, true));

  const auto hold = HttpSend(port, "POST", "/api/v1/moderation/holds", as_operator,
                             json({{"entity", "course"},
                                   {"id", course},
                                   {"reason", "De prijs op de site klopt niet met de offerte."}})
                                 .dump());
  ASSERT_EQ(hold.status, 201) << hold.body;
  const int64_t hold_id = json::parse(hold.body)["id"];
  EXPECT_FALSE(Finds(port, "basiscursus+boekhouden", course, false));
  EXPECT_EQ(HttpGet(port, "/opleiding/" + std::to_string(course)).status, 404);
  EXPECT_EQ(HttpGet(port, "/api/v1/courses/" + std::to_string(course)).status, 404);
  EXPECT_EQ(HttpGet(port, "/ooapi/v5/courses/" + std::to_string(course)).status, 404);
  EXPECT_EQ(HttpGet(port, "/api/v1/export").body.find("\"bk-2026\""), std::string::npos);
  // The provider reads why; another client cannot.
  const auto seen =
      HttpSend(port, "GET", "/api/v1/providers/" + std::to_string(provider) + "/holds",
               {{"Authorization", "Bearer " + key}}, "");
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(json::parse(seen.body)["items"][0]["reason"],
            "De prijs op de site klopt niet met de offerte.");
  EXPECT_EQ(HttpGet(port, "/api/v1/providers/" + std::to_string(provider) + "/holds").status, 401);
  // A provider's feed does not undo the operator's hold.
  Post(port, provider, key, testing::ReadAll(source_ + "/data/feeds/example.json"));
  EXPECT_EQ(HttpGet(port, "/opleiding/" + std::to_string(course)).status, 404);

  EXPECT_EQ(HttpSend(port, "DELETE", "/api/v1/moderation/holds/" + std::to_string(hold_id),
                     {{"Authorization", "Bearer " + key}}, "")
                .status,
            403);
  EXPECT_EQ(HttpSend(port, "DELETE", "/api/v1/moderation/holds/" + std::to_string(hold_id),
                     as_operator, "")
                .status,
            200);
  EXPECT_TRUE(Finds(port, "basiscursus+boekhouden", course, true));
  EXPECT_EQ(HttpGet(port, "/opleiding/" + std::to_string(course)).status, 200);

  // A whole provider held takes all its courses off; revoking a key through the API works.
  ASSERT_EQ(
      HttpSend(
          port, "POST", "/api/v1/moderation/holds", as_operator,
          json({{"entity", "provider"}, {"id", provider}, {"reason", "Geen erkenning."}}).dump())
          .status,
      201);
  EXPECT_FALSE(Finds(port, "basiscursus+boekhouden", course, false));
  const std::string key_id = json::parse(key_answer.body)["key_id"];
  EXPECT_EQ(HttpSend(port, "DELETE", "/api/v1/keys/" + key_id, as_operator, "").status, 200);
  EXPECT_EQ(Post(port, provider, key, "[]").status, 401);
}

// The complaint form under a course page: sent without JavaScript or an account, checked for
// its token, origin and rate, and visible to the operator only.
TEST_F(FeedApiTest, ComplaintFormFillsTheOperatorsQueue) {
  const std::string key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
  const std::string operator_key = KeyFrom(Admin({"key-create", "--operator"}));
  const int64_t provider = ProviderId("kvk:12345678");
  const uint16_t port = Serve({"--complaints-per-10-minutes", "2"});
  ASSERT_NE(port, 0);
  const json report = json::parse(
      Post(port, provider, key, testing::ReadAll(source_ + "/data/feeds/example.json")).body);
  const std::string course = std::to_string(report["courses"][0]["course_id"].get<int64_t>());
  const auto page = HttpGet(port, "/opleiding/" + course);
  ASSERT_EQ(page.status, 200);
  std::smatch token;
  ASSERT_TRUE(
      std::regex_search(page.body, token, std::regex("name=\"token\" value=\"([0-9a-f.]+)\"")));
  EXPECT_NE(page.body.find("action=\"/opleiding/" + course + "/melden\""), std::string::npos);
  const std::string path = "/opleiding/" + course + "/melden";
  const auto send = [&](const std::string& body, const std::string& origin = "") {
    std::map<std::string, std::string> headers = {
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!origin.empty()) headers["Origin"] = origin;
    return HttpSend(port, "POST", path, headers, body);
  };

  const auto forged = send("token=123.abc&category=misleading&message=Nep");
  EXPECT_EQ(forged.status, 403);
  const auto other_site =
      send("token=" + token.str(1) + "&category=misleading&message=Nep", "https://evil.example");
  EXPECT_EQ(other_site.status, 403);
  const auto empty = send("token=" + token.str(1) + "&category=nonsense&message=++");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(empty.body.find("Kies wat er mis is."), std::string::npos);

  const auto sent = send(
      "token=" + token.str(1) + "&category=misleading&message=De+prijs+is+%3Cb%3Ehoger%3C%2Fb%3E",
      "http://localhost");
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.headers.at("location"), path + "?sent=1");
  EXPECT_NE(HttpGet(port, path + "?sent=1").body.find("Dank je wel"), std::string::npos);
  // The limit (2 per 10 minutes here) counted the 400 and the 303: the third is refused.
  const auto third = send("token=" + token.str(1) + "&category=other&message=Nog+een");
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.headers.count("retry-after"), 1U);

  const auto queue = HttpSend(port, "GET", "/api/v1/moderation/complaints",
                              {{"Authorization", "Bearer " + operator_key}}, "");
  ASSERT_EQ(queue.status, 200);
  const json items = json::parse(queue.body)["items"];
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0]["message"], "De prijs is <b>hoger</b>");  // stored as typed, escaped on output
  EXPECT_EQ(items[0]["category"], "misleading");
  EXPECT_EQ(HttpSend(port, "GET", "/api/v1/moderation/complaints",
                     {{"Authorization", "Bearer " + key}}, "")
                .status,
            403);
  const auto handled = HttpSend(
      port, "POST",
      "/api/v1/moderation/complaints/" + std::to_string(items[0]["id"].get<int64_t>()),
      {{"Authorization", "Bearer " + operator_key}}, R"({"status": "handled", "note": "Gebeld."})");
  EXPECT_EQ(handled.status, 200) << handled.body;
  EXPECT_TRUE(json::parse(HttpSend(port, "GET", "/api/v1/moderation/complaints",
                                   {{"Authorization", "Bearer " + operator_key}}, "")
                              .body)["items"]
                  .empty());
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
    EXPECT_EQ(QueryInt(db_, "SELECT COUNT(DISTINCT entity_id) FROM audit WHERE entity = 'course' "
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
      std::filesystem::remove(db_);
      std::filesystem::remove(db_ + "-wal");
      std::filesystem::remove(db_ + "-shm");
      key = ProviderWithKey("kvk:12345678", "Leerhuis Utrecht");
      ASSERT_EQ(ProviderId("kvk:12345678"), provider);
    }
  }
  RecordProperty("outcomes", static_cast<int>(outcomes.size()));
}

// `verder ingest FILE`: the same validation as the API, progress on stderr, the rejected
// records listed, exit code 2 for a partial feed; --full withdraws what the file lacks.
TEST_F(FeedApiTest, IngestCommandStoresAFileAndListsWhatItRejected) {
  Admin({"provider-add", "--key", "kvk:12345678", "--name", "Leerhuis Utrecht"});
  // Postcodes are checked against the open data, so it must be there first.
  const std::string import_log = (dir_ / "import.log").string();
  ASSERT_EQ(testing::WaitExit(testing::Spawn(
                {"--db", db_, "--data", testing::SharedDataDir(), "import"}, import_log)),
            0)
      << testing::ReadAll(import_log);
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
