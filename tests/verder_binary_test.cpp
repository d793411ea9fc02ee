// Black-box tests of the `verder` binary: first start, HTTP answers, graceful stop, restart
// without re-import, and kill -9 in the middle of an import.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "tests/http_client.h"
#include "tests/test_paths.h"
#include "tests/verder_process.h"

namespace verder {
namespace {

using testing::CopyImportedDatabase;
using testing::HttpGet;
using testing::HttpRaw;
using testing::QueryInt;
using testing::QueryText;
using testing::ReadAll;
using testing::Spawn;
using testing::WaitExit;
using testing::WaitForPort;

class VerderBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = (dir_ / "verder.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::vector<std::string> Base() const {
    return {"--db", db_, "--data", testing::SharedDataDir()};
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(VerderBinaryTest, FirstStartImportsAndServesARealCourse) {
  std::vector<std::string> args = Base();
  for (const char* a : {"serve", "--port", "0", "--threads", "2", "--demo-courses", "500"})
    args.emplace_back(a);
  args.emplace_back("--resources");
  args.emplace_back(std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data");
  const std::string log = (dir_ / "serve.log").string();
  const pid_t pid = Spawn(args, log);
  const uint16_t port = WaitForPort(pid, log, 300);
  ASSERT_NE(port, 0) << ReadAll(log);
  EXPECT_NE(ReadAll(log).find("First start"), std::string::npos);

  const auto health = HttpGet(port, "/health");
  ASSERT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(nlohmann::json::parse(health.body)["courses"], 16674 + 500);

  // Course 1 is the first DUO row: a real mbo course with its institution and offerings.
  const auto course = HttpGet(port, "/api/v1/courses/1");
  ASSERT_EQ(course.status, 200) << course.body;
  const auto j = nlohmann::json::parse(course.body);
  EXPECT_EQ(j["primary_code"]["type"], "crebo");
  EXPECT_EQ(j["provider"]["key"].get<std::string>().rfind("brin:", 0), 0U);
  EXPECT_FALSE(j["offerings"].empty());
  EXPECT_FALSE(j["is_demo"].get<bool>());
  EXPECT_EQ(course.headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(course.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(course.headers.at("referrer-policy"), "no-referrer");
  EXPECT_NE(course.headers.at("content-security-policy").find("frame-ancestors 'none'"),
            std::string::npos);

  const auto bad_id = HttpGet(port, "/api/v1/courses/abc");
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad_id.body)["error"]["field"], "id");
  EXPECT_EQ(HttpGet(port, "/api/v1/courses/999999999").status, 404);
  EXPECT_EQ(HttpGet(port, "/health", "POST").status, 405);
  const auto head = HttpGet(port, "/api/v1/courses/1", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.headers.at("content-length"), std::to_string(course.body.size()));
  EXPECT_EQ(HttpGet(port, "/api/v1/courses/" + std::string(5000, '1')).status, 414);
  EXPECT_EQ(HttpRaw(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') +
                              "\r\n\r\n")
                .status,
            431);
  EXPECT_EQ(HttpRaw(port, "NONSENSE\r\n\r\n").status, 400);
  EXPECT_EQ(HttpGet(port, "/health").status, 200);  // still serving after the bad requests

  const auto search = HttpGet(port, "/api/v1/search?q=verpleegkundige&per_page=5");
  ASSERT_EQ(search.status, 200) << search.body;
  const auto found = nlohmann::json::parse(search.body);
  EXPECT_GT(found["total"].get<int>(), 5);
  ASSERT_EQ(found["items"].size(), 5U);
  EXPECT_NE(found["items"][0]["title"].get<std::string>().find("erpleegkundige"),
            std::string::npos);
  EXPECT_FALSE(found["facets"]["level"].empty());
  const auto bad = HttpGet(port, "/api/v1/search?q=zorg&per_page=1000");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["field"], "per_page");
  const auto suggest = HttpGet(port, "/api/v1/suggest?q=verpl");
  ASSERT_EQ(suggest.status, 200);
  EXPECT_FALSE(nlohmann::json::parse(suggest.body)["suggestions"].empty());

  // The site: Dutch and English pages, escaped input, HTML 404, JSON-LD on the course page.
  const auto home = HttpGet(port, "/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(home.body.find("Naar de inhoud"), std::string::npos);  // skip link
  EXPECT_EQ(home.headers.count("set-cookie"), 0U);
  EXPECT_NE(HttpGet(port, "/en/").body.find("<html lang=\"en\">"), std::string::npos);
  const auto results = HttpGet(port, "/zoeken?q=verpleegkundige&mode=classroom");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("href=\"/opleiding/"), std::string::npos);
  EXPECT_LT(results.body.size(), 60U * 1024);  // page weight budget (issue 5)
  const auto hostile = HttpGet(port, "/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22");
  ASSERT_EQ(hostile.status, 200);
  EXPECT_EQ(hostile.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(hostile.body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), std::string::npos);
  EXPECT_EQ(HttpGet(port, "/zoeken?per_page=5000").status, 400);
  const auto page = HttpGet(port, "/opleiding/1");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("application/ld+json"), std::string::npos);
  EXPECT_NE(page.body.find("\"@type\":\"Course\""), std::string::npos);
  EXPECT_EQ(HttpGet(port, "/en/course/1").status, 200);
  const auto missing = HttpGet(port, "/bestaat-niet");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.headers.at("content-type").find("text/html"), std::string::npos);
  const auto css = HttpGet(port, "/static/verder.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(HttpRaw(port, "GET /static/verder.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " +
                              css.headers.at("etag") + "\r\nConnection: close\r\n\r\n")
                .status,
            304);
  const auto gzipped = HttpRaw(port,
                               "GET /static/verder.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, "
                               "gzip\r\nConnection: close\r\n\r\n");
  ASSERT_EQ(gzipped.status, 200);
  EXPECT_EQ(gzipped.headers.at("content-encoding"), "gzip");
  EXPECT_EQ(gzipped.headers.at("vary"), "Accept-Encoding");
  EXPECT_EQ(gzipped.body.substr(0, 2), "\x1f\x8b");  // the gzip magic number
  EXPECT_LT(gzipped.body.size(), css.body.size() / 2);
  EXPECT_NE(gzipped.headers.at("etag"), css.headers.at("etag"));
  EXPECT_EQ(css.headers.count("content-encoding"), 0U);  // not asked for: not compressed

  // Another process writes to the store; the server's index follows within seconds.
  const auto browse_total = [&] {
    return nlohmann::json::parse(HttpGet(port, "/api/v1/search?per_page=1").body)["total"]
        .get<int>();
  };
  EXPECT_EQ(browse_total(), 16674 + 500);
  std::vector<std::string> more = Base();
  for (const char* a : {"demo", "--courses", "600", "--seed", "1"}) more.emplace_back(a);
  ASSERT_EQ(WaitExit(Spawn(more, (dir_ / "more.log").string())), 0);
  int total = 0;
  for (int i = 0; i < 100 && total != 16674 + 600; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    total = browse_total();
  }
  EXPECT_EQ(total, 16674 + 600);

  ::kill(pid, SIGTERM);
  EXPECT_EQ(WaitExit(pid), 0);

  // A second start imports nothing and is ready quickly.
  const int64_t seq = QueryInt(db_, "SELECT MAX(seq) FROM audit");
  const std::string log2 = (dir_ / "serve2.log").string();
  const pid_t again = Spawn(args, log2);
  const uint16_t port2 = WaitForPort(again, log2, 60);
  ASSERT_NE(port2, 0) << ReadAll(log2);
  EXPECT_EQ(ReadAll(log2).find("First start"), std::string::npos);
  EXPECT_EQ(HttpGet(port2, "/api/v1/courses/1").status, 200);
  ::kill(again, SIGTERM);
  EXPECT_EQ(WaitExit(again), 0);
  EXPECT_EQ(QueryInt(db_, "SELECT MAX(seq) FROM audit"), seq);
}

TEST_F(VerderBinaryTest, KillDuringImportLeavesOnlyWholeBatches) {
  // The open data as `verder import` leaves it, small (FirstStartImportsAndServesARealCourse and
  // the stress runs import all of it themselves).
  std::string why;
  ASSERT_TRUE(CopyImportedDatabase(db_, &why)) << why;
  const int64_t open_data = QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE is_demo = 0");
  ASSERT_GT(open_data, 0);

  std::vector<std::string> demo_args = Base();
  for (const char* a : {"demo", "--courses", "20000", "--seed", "7"}) demo_args.emplace_back(a);
  std::mt19937 rng(static_cast<unsigned>(::getpid()));
  const std::string log = (dir_ / "demo.log").string();
  const pid_t pid = Spawn(demo_args, log);
  // Kill once the first batch is reported, at a random moment after that.
  for (int i = 0; i < 600 && ReadAll(log).find("5000/20000") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(
      std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 800)(rng)));
  ::kill(pid, SIGKILL);
  WaitExit(pid);

  EXPECT_EQ(QueryText(db_, "PRAGMA integrity_check"), "ok");
  const int64_t demo = QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE is_demo = 1");
  EXPECT_EQ(demo % 5000, 0) << demo << " demo courses: a batch was half written";
  EXPECT_EQ(QueryInt(db_,
                     "SELECT COUNT(*) FROM courses c WHERE is_demo = 1 AND NOT EXISTS "
                     "(SELECT 1 FROM offerings o WHERE o.course_id = c.id)"),
            0);
  EXPECT_EQ(QueryInt(db_,
                     "SELECT COUNT(*) FROM courses c WHERE NOT EXISTS "
                     "(SELECT 1 FROM audit a WHERE a.entity = 'course' AND a.entity_id = c.id)"),
            0);
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE is_demo = 0"), open_data);

  // Running it again completes the catalogue without duplicates.
  ASSERT_EQ(WaitExit(Spawn(demo_args, log)), 0) << ReadAll(log);
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE is_demo = 1"), 20000);
}

TEST_F(VerderBinaryTest, UnreadableDataGivesAClearMessageAndNonZeroExit) {
  const std::string log = (dir_ / "bad.log").string();
  const int rc =
      WaitExit(Spawn({"--db", db_, "--data", "/nonexistent/shared/data", "import"}, log));
  EXPECT_EQ(rc, 1);
  EXPECT_NE(ReadAll(log).find("cannot read /nonexistent/shared/data/"), std::string::npos)
      << ReadAll(log);
}

TEST_F(VerderBinaryTest, CorruptDatabaseGivesAClearMessage) {
  std::ofstream(db_) << std::string(10000, 'z');
  const std::string log = (dir_ / "corrupt.log").string();
  std::vector<std::string> args = Base();
  args.emplace_back("stats");
  EXPECT_EQ(WaitExit(Spawn(args, log)), 1);
  EXPECT_NE(ReadAll(log).find("damaged"), std::string::npos) << ReadAll(log);
}

// The operator's backup: taken while the server runs, put back only when it is stopped.
TEST_F(VerderBinaryTest, BackupWhileServingAndRestoreOnlyWhenStopped) {
  std::string why;
  ASSERT_TRUE(CopyImportedDatabase(db_, &why)) << why;  // not importing
  std::vector<std::string> args = Base();
  for (const char* a : {"serve", "--port", "0", "--threads", "2", "--demo-courses", "100"})
    args.emplace_back(a);
  args.emplace_back("--resources");
  args.emplace_back(std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data");
  const std::string log = (dir_ / "serve.log").string();
  const pid_t pid = Spawn(args, log);
  ASSERT_NE(WaitForPort(pid, log, 300), 0) << ReadAll(log);
  const int64_t courses = QueryInt(db_, "SELECT COUNT(*) FROM courses");
  ASSERT_GT(courses, 0);

  const std::string backup = (dir_ / "backup.db").string();
  const auto run = [&](const std::vector<std::string>& command, const std::string& name) {
    std::vector<std::string> all = {"--db", db_};
    all.insert(all.end(), command.begin(), command.end());
    const std::string out = (dir_ / (name + ".log")).string();
    const int code = WaitExit(Spawn(all, out));
    return std::make_pair(code, ReadAll(out));
  };
  const auto [backed_up, backup_log] = run({"backup", backup}, "backup");
  ASSERT_EQ(backed_up, 0) << backup_log;
  EXPECT_EQ(QueryInt(backup, "SELECT COUNT(*) FROM courses"), courses);
  const auto [again, again_log] = run({"backup", backup}, "backup-again");
  EXPECT_NE(again, 0);  // never overwrites
  EXPECT_NE(again_log.find("exists"), std::string::npos) << again_log;

  // Restoring under a running server is refused: its index would not follow.
  const auto [refused, refused_log] = run({"restore", backup}, "restore-refused");
  EXPECT_NE(refused, 0);
  EXPECT_NE(refused_log.find("stop it first"), std::string::npos) << refused_log;
  ::kill(pid, SIGTERM);
  ASSERT_EQ(WaitExit(pid), 0);

  // Changes after the backup are undone by the restore.
  std::vector<std::string> more = Base();
  for (const char* a : {"demo", "--courses", "150", "--seed", "2"}) more.emplace_back(a);
  ASSERT_EQ(WaitExit(Spawn(more, (dir_ / "more.log").string())), 0);
  ASSERT_NE(QueryInt(db_, "SELECT COUNT(*) FROM courses"), courses);
  const auto [restored, restored_log] = run({"restore", backup}, "restore");
  ASSERT_EQ(restored, 0) << restored_log;
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses"), courses);

  // And the restored database serves.
  const std::string log2 = (dir_ / "serve2.log").string();
  const pid_t server = Spawn(args, log2);
  const uint16_t port = WaitForPort(server, log2, 120);
  ASSERT_NE(port, 0) << ReadAll(log2);
  EXPECT_EQ(nlohmann::json::parse(HttpGet(port, "/health").body)["courses"], courses);
  ::kill(server, SIGTERM);
  EXPECT_EQ(WaitExit(server), 0);
}

TEST_F(VerderBinaryTest, HelpListsTheSubcommands) {
  const std::string log = (dir_ / "help.log").string();
  EXPECT_EQ(WaitExit(Spawn({"--help"}, log)), 0);
  const std::string help = ReadAll(log);
  for (const char* cmd : {"serve", "import", "demo", "stats", "backup", "restore"})
    EXPECT_NE(help.find(cmd), std::string::npos) << cmd;
  EXPECT_EQ(WaitExit(Spawn({"demo", "--help"}, log)), 0);
  EXPECT_NE(ReadAll(log).find("--seed"), std::string::npos);
}

}  // namespace
}  // namespace verder
