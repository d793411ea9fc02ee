// Black-box tests of moderation: the operator's API (providers, keys, holds) and the complaint
// form under every course page.
#include <gtest/gtest.h>
#include <signal.h>

#include "tests/feed_api_fixture.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpSend;
using ModerationTest = FeedApiTest;

// The operator makes a provider and its key through the API, takes a course off the site with a
// reason the provider can read, and puts it back; nothing of it shows while it is held.
TEST_F(ModerationTest, OperatorHoldsACourseAndTheProviderSeesWhy) {
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
TEST_F(ModerationTest, ComplaintFormFillsTheOperatorsQueue) {
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

}  // namespace
}  // namespace verder
