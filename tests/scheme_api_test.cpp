// Funding schemes published through the API (issue 7): funders and the operator keep the rules
// current without a release, anyone can read them and their history, and a version that is
// wrong in any way changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/file.h"
#include "tests/feed_api_fixture.h"

namespace verder {
namespace {

using json = nlohmann::json;

class SchemeApiTest : public FeedApiTest {
 protected:
  json SchemeFile(const std::string& name) {
    return json::parse(ReadFile(source_ + "/data/schemes/" + name).value());
  }
  testing::HttpResult Put(uint16_t port, const std::string& key, const std::string& id,
                          const std::string& body) {
    std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
    if (!key.empty()) headers["Authorization"] = "Bearer " + key;
    return testing::HttpSend(port, "PUT", "/api/v1/funding/schemes/" + id, headers, body);
  }
  static json Get(uint16_t port, const std::string& target) {
    const auto r = testing::HttpGet(port, target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return json::parse(r.body, nullptr, false);
  }
  // The verdict on STAP for a 30-year-old employee, today.
  static std::string StapVerdict(uint16_t port) {
    const json answer =
        Get(port, "/api/v1/funding/check?age=30&education=mbo4&work=employee-permanent");
    for (const json& s : answer["schemes"]) {
      if (s["id"] == "stap-budget") return s["verdict"];
    }
    return "";
  }
  static json Listed(uint16_t port, const std::string& id) {
    const json listed = Get(port, "/api/v1/funding/schemes");
    for (const json& s : listed["schemes"]) {
      if (s["id"] == id) return s;
    }
    return nullptr;
  }
};

TEST_F(SchemeApiTest, AFunderPublishesItsOwnSchemeAndItIsInForceAtOnceAndAfterARestart) {
  uint16_t port = Serve();
  // The files are in force and readable by anyone: STAP ended on 2023-12-31.
  EXPECT_EQ(Listed(port, "stap-budget")["status"], "ended");
  EXPECT_TRUE(Listed(port, "stap-budget")["version"].is_null());
  EXPECT_EQ(Get(port, "/api/v1/funding/schemes/stap-budget"), SchemeFile("stap-budget.json"));
  EXPECT_EQ(StapVerdict(port), "ended");

  const std::string funder =
      KeyFrom(Admin({"key-create", "--schemes", "stap-budget", "--label", "UWV"}));
  const std::string provider = ProviderWithKey("kvk:12345678", "Leerhuis");
  json stap = SchemeFile("stap-budget.json");
  stap["valid"]["to"] = "2099-12-31";

  // Who may publish what.
  EXPECT_EQ(Put(port, "", "stap-budget", stap.dump()).status, 401);
  EXPECT_EQ(Put(port, provider, "stap-budget", stap.dump()).status, 403);
  json ppo = SchemeFile("ppo.json");
  ppo["valid"]["to"] = "2099-12-31";
  EXPECT_EQ(Put(port, funder, "ppo", ppo.dump()).status, 403);
  // The address and the definition must name the same scheme.
  const auto mismatch = Put(port, funder, "ppo", stap.dump());
  EXPECT_EQ(mismatch.status, 400) << mismatch.body;
  EXPECT_EQ(json::parse(mismatch.body)["error"]["field"], "id");

  // Every problem at once, and nothing changes.
  json broken = stap;
  broken["apply_url"] = "javascript:alert(1)";
  broken["funder"] = "anyone";
  const auto refused = Put(port, funder, "stap-budget", broken.dump());
  ASSERT_EQ(refused.status, 400) << refused.body;
  const json problems = json::parse(refused.body)["problems"];
  ASSERT_EQ(problems.size(), 2u) << refused.body;
  EXPECT_EQ(problems[0]["field"], "body:apply_url");
  EXPECT_EQ(Put(port, funder, "stap-budget", "{\"id\": ").status, 400);
  EXPECT_EQ(StapVerdict(port), "ended");
  EXPECT_TRUE(Get(port, "/api/v1/funding/schemes/stap-budget/history")["versions"].empty());

  // The funder's version is in force for the next answer.
  const auto published = Put(port, funder, "stap-budget", stap.dump());
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(json::parse(published.body)["version"], 1);
  EXPECT_TRUE(json::parse(published.body)["changed"].get<bool>());
  EXPECT_NE(StapVerdict(port), "ended");
  EXPECT_EQ(Listed(port, "stap-budget")["status"], "running");
  // The same again changes nothing and adds no version.
  const auto again = Put(port, funder, "stap-budget", stap.dump(2));
  EXPECT_EQ(again.status, 200);
  EXPECT_FALSE(json::parse(again.body)["changed"].get<bool>());

  // The operator may add a scheme nobody had yet.
  const std::string operator_key = KeyFrom(Admin({"key-create", "--operator"}));
  json regional = SchemeFile("regional-fund.json");
  regional["id"] = "regional-fund-test";
  const auto created = Put(port, operator_key, "regional-fund-test", regional.dump());
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(json::parse(created.body)["created"].get<bool>());

  // After a restart the published versions are still in force, with who and when.
  ::kill(pid_, SIGTERM);
  ASSERT_EQ(testing::WaitExit(pid_), 0);
  pid_ = 0;
  port = Serve();
  EXPECT_EQ(Get(port, "/api/v1/funding/schemes/stap-budget")["valid"]["to"], "2099-12-31");
  EXPECT_NE(StapVerdict(port), "ended");
  const json listed = Listed(port, "stap-budget");
  EXPECT_EQ(listed["version"], 1);
  EXPECT_EQ(listed["published_by"].get<std::string>().rfind("funder/key:", 0), 0u) << listed;
  EXPECT_FALSE(Listed(port, "regional-fund-test").is_null());
  const json history = Get(port, "/api/v1/funding/schemes/stap-budget/history");
  ASSERT_EQ(history["versions"].size(), 1u);
  EXPECT_EQ(history["versions"][0]["definition"]["valid"]["to"], "2099-12-31");
  EXPECT_EQ(testing::HttpGet(port, "/api/v1/funding/schemes/no-such-scheme").status, 404);
}

}  // namespace
}  // namespace verder
