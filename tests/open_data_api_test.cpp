// Black-box tests of the open data: the streamed export, the OOAPI pages, and every example of
// the OpenAPI document sent to a running server.
#include <gtest/gtest.h>
#include <signal.h>

#include "tests/feed_api_fixture.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpSend;
using testing::QueryInt;
// The open data API over the small open data and the demo courses: still several export chunks.
using OpenDataApiTest = FeedApiTest;

TEST_F(OpenDataApiTest, OpenDataExportAndOoapiPages) {
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
  EXPECT_GT(lines, 250);  // more than one chunk (kExportBatch)
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
TEST_F(OpenDataApiTest, OpenApiExamplesHoldAgainstTheServer) {
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

}  // namespace
}  // namespace verder
