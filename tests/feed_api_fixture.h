// tests/feed_api_fixture.h — the black-box fixture the feed, open-data and moderation tests
// share: a scratch database, `verder admin` runs, a server per test and small HTTP helpers.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/http_client.h"
#include "tests/test_paths.h"
#include "tests/verder_process.h"

namespace verder {

class FeedApiTest : public ::testing::Test {
 public:
  using json = nlohmann::json;

 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = (dir_ / "verder.db").string();
    source_ = VERDER_SOURCE_DIR_DEFAULT;
    // These tests are not about importing: they start from the small open data imported once.
    std::string why;
    ASSERT_TRUE(testing::CopyImportedDatabase(db_, &why)) << why;
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
    const int64_t id = testing::QueryInt(db_, "SELECT id FROM providers WHERE key = '" + key + "'");
    return KeyFrom(Admin({"key-create", "--provider", std::to_string(id), "--label", "feed"}));
  }
  static std::string KeyFrom(const std::string& output) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(output, m, std::regex("vk_[a-z2-7]+_[a-z2-7]+"))) << output;
    return m.empty() ? "" : m.str(0);
  }
  int64_t ProviderId(const std::string& key) const {
    return testing::QueryInt(db_, "SELECT id FROM providers WHERE key = '" + key + "'");
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
    return testing::HttpSend(port, "POST",
                             "/api/v1/providers/" + std::to_string(provider) + "/courses" + query,
                             {{"Authorization", "Bearer " + key}, {"Content-Type", type}}, body);
  }
  // Ids found by a search, waiting up to `seconds` for `want` (found or not).
  bool Finds(uint16_t port, const std::string& q, int64_t id, bool want, int seconds = 5) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (true) {
      const auto r = testing::HttpGet(port, "/api/v1/search?per_page=50&q=" + q);
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
  int64_t AuditRows() const { return testing::QueryInt(db_, "SELECT COUNT(*) FROM audit"); }

  std::filesystem::path dir_;
  std::string db_;
  std::string source_;
  pid_t pid_ = 0;
  int runs_ = 0;
};

}  // namespace verder
