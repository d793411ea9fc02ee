// Black-box security tests of the `verder` binary (issue 8): SQL metacharacters through every
// input (feed ids and text, query strings, forms, the operator API) are data, read back as sent,
// and leave the catalogue intact.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/web_security_support.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::CourseWithText;
using testing::Findings;
using testing::GetApis;
using testing::HttpGet;
using testing::HttpResult;
using testing::HttpSend;
using testing::ParameterNames;
using testing::PathAnswers;
using testing::PercentEncoded;
using testing::QueryAnswers;
using testing::QueryInt;
using testing::QueryText;
using testing::SqlProbes;
using testing::TargetWithParameter;
using testing::WebSecurityTest;

// ---- SQL metacharacters ----

class WebSecuritySqlTest : public WebSecurityTest {
 protected:
  // Posts a course per probe (the probe as the provider's course id and offering id, and in the
  // title) and one whose id holds a slash; checks that each reads back as sent. Returns the feed
  // report.
  json PostProbeCourses(uint16_t port) {
    json feed = json::array();
    for (const std::string& probe : SqlProbes()) {
      json course = CourseWithText(probe, "Cursus zzsqlprobe " + probe);
      course["offerings"][0]["offeringId"] = probe;
      feed.push_back(course);
    }
    feed.push_back(CourseWithText("bk/2026", "Cursus met een schuine streep in zijn id"));
    const HttpResult posted = Post(port, provider_, key_, feed.dump());
    EXPECT_EQ(posted.status, 200) << posted.body;
    json report = json::parse(posted.body, nullptr, false);
    EXPECT_EQ(report["accepted"], feed.size()) << posted.body;
    for (const std::string& probe : SqlProbes()) {
      const HttpResult r =
          HttpGet(port, "/api/v1/courses/" + std::to_string(CourseIdIn(report, probe)));
      EXPECT_EQ(r.status, 200) << probe;
      const json course = json::parse(r.body, nullptr, false);
      EXPECT_EQ(course["external_id"], probe);
      EXPECT_EQ(course["title"]["nl"], "Cursus zzsqlprobe " + probe);
      EXPECT_EQ(course["offerings"][0]["external_id"], probe);
    }
    return report;
  }

  // Every probe in every query parameter of every API, and as an id in every path: answered,
  // never a server error.
  void ExpectProbesAnsweredEverywhere(uint16_t port) {
    Findings findings;
    for (const std::string& probe : SqlProbes()) {
      const std::string encoded = PercentEncoded(probe);
      for (const std::string& api : GetApis()) {
        for (const std::string& name : ParameterNames()) {
          const std::string target = TargetWithParameter(api, name, encoded);
          findings.CheckApi(target, HttpGet(port, target), QueryAnswers());
        }
      }
      for (const std::string& path :
           {"/api/v1/courses/" + encoded, "/api/v1/courses/" + encoded + "/history",
            "/ooapi/v5/courses/" + encoded, "/ooapi/v5/courses/" + encoded + "/offerings",
            "/api/v1/providers/" + encoded + "/holds"}) {
        findings.CheckApi(path, HttpGet(port, path), {400, 401, 404});
      }
      // The operator's lists: an unknown status is refused, any other standing lists all.
      findings.CheckApi("complaints?status=" + probe,
                        HttpSend(port, "GET", "/api/v1/moderation/complaints?status=" + encoded,
                                 AsOperator(), ""),
                        {400});
      findings.CheckApi(
          "holds?standing=" + probe,
          HttpSend(port, "GET", "/api/v1/moderation/holds?standing=" + encoded, AsOperator(), ""),
          {200});
      for (const std::string& path :
           {"/api/v1/keys/" + encoded, "/api/v1/moderation/holds/" + encoded}) {
        findings.CheckApi("DELETE " + path, HttpSend(port, "DELETE", path, AsOperator(), ""),
                          PathAnswers());
      }
      for (const std::string& page : {"/zoeken?q=" + encoded, "/opleiding/" + encoded,
                                      "/hulp?postcode=" + encoded, "/betalen?age=" + encoded}) {
        findings.CheckPage(page, HttpGet(port, page), {200, 400, 404});
      }
    }
    findings.CheckApi("/api/v1/courses/1'--", HttpGet(port, "/api/v1/courses/1'--"), {400});
    EXPECT_TRUE(findings.empty()) << findings.Report();
  }

  // The complaint form keeps a probe in the message as typed and refuses one in its other fields;
  // the operator's note on it is kept as typed too.
  void ExpectComplaintsKeepProbes(uint16_t port, int64_t course) {
    const std::string token = ComplaintToken(port, course);
    for (const std::string& probe : SqlProbes()) {
      const HttpResult sent = SendComplaint(
          port, course,
          "token=" + token + "&category=wrong_info&message=" + PercentEncoded("Klacht " + probe));
      EXPECT_EQ(sent.status, 303) << probe << ": " << sent.body.substr(0, 200);
    }
    EXPECT_EQ(SendComplaint(
                  port, course,
                  "token=" + token + "&category=" + PercentEncoded("' OR '1'='1") + "&message=x")
                  .status,
              400);
    EXPECT_EQ(SendComplaint(port, course,
                            "token=" + PercentEncoded("'; --") + "&category=other&message=x")
                  .status,
              403);
    const json queue =
        json::parse(HttpSend(port, "GET", "/api/v1/moderation/complaints", AsOperator(), "").body,
                    nullptr, false);
    std::multiset<std::string> stored;
    for (const json& c : queue["items"]) stored.insert(c["message"].get<std::string>());
    std::multiset<std::string> typed;
    for (const std::string& probe : SqlProbes()) typed.insert("Klacht " + probe);
    EXPECT_EQ(stored, typed);
    const std::string injection = "'); DROP TABLE courses; --";
    const std::string complaint = std::to_string(queue["items"][0]["id"].get<int64_t>());
    EXPECT_EQ(HttpSend(port, "POST", "/api/v1/moderation/complaints/" + complaint, AsOperator(),
                       json({{"status", "handled"}, {"note", injection}}).dump())
                  .status,
              200);
    EXPECT_EQ(QueryText(db_, "SELECT note FROM complaints WHERE id = " + complaint), injection);
  }

  // The operator's API keeps a probe in a provider's key and name and in a hold's reason as sent.
  void ExpectOperatorApiKeepsProbes(uint16_t port) {
    const std::vector<std::string>& probes = SqlProbes();
    for (size_t i = 0; i < probes.size(); ++i) {
      const HttpResult made = HttpSend(
          port, "POST", "/api/v1/providers", AsOperator(),
          json({{"key", "sql:" + std::to_string(i) + probes[i]}, {"name", "Opleider " + probes[i]}})
              .dump());
      ASSERT_EQ(made.status, 201) << probes[i] << ": " << made.body;
      const int64_t id = json::parse(made.body)["id"].get<int64_t>();
      EXPECT_EQ(QueryText(db_, "SELECT json_extract(doc, '$.name') FROM providers WHERE id = " +
                                   std::to_string(id)),
                "Opleider " + probes[i]);
      const json hold = {{"entity", "provider"}, {"id", id}, {"reason", "Reden " + probes[i]}};
      const HttpResult held =
          HttpSend(port, "POST", "/api/v1/moderation/holds", AsOperator(), hold.dump());
      ASSERT_EQ(held.status, 201) << held.body;
      EXPECT_EQ(QueryText(db_, "SELECT reason FROM holds WHERE id = " +
                                   std::to_string(json::parse(held.body)["id"].get<int64_t>())),
                "Reden " + probes[i]);
    }
  }
};

TEST_F(WebSecuritySqlTest, SqlMetacharactersRoundTripAndLeaveTheCatalogueIntact) {
  const uint16_t port = StartWithProvider(
      "Leerhuis Utrecht", {"--complaints-per-10-minutes", "0", "--feed-writes-per-minute", "0"});
  ASSERT_NE(port, 0);
  const int64_t searchable_before = SearchTotal(port);
  const int64_t stored_before = QueryInt(db_, "SELECT COUNT(*) FROM courses");
  ASSERT_GT(searchable_before, 100);

  const json report = PostProbeCourses(port);
  const int64_t added = static_cast<int64_t>(report["courses"].size());
  ASSERT_EQ(added, static_cast<int64_t>(SqlProbes().size()) + 1);
  ASSERT_TRUE(Finds(port, "zzsqlprobe", CourseIdIn(report, "'"), true));
  EXPECT_EQ(SearchTotal(port, "&q=zzsqlprobe"), static_cast<int64_t>(SqlProbes().size()));

  // Withdrawing by the provider's own id takes that one course: no wildcard, no injection, and
  // an encoded slash stays part of the id.
  const std::vector<std::string> withdrawn = {"%", "' OR '1'='1", "bk/2026"};
  for (const std::string& id : withdrawn) {
    const HttpResult gone =
        HttpSend(port, "DELETE", ProviderPath() + "/courses/" + PercentEncoded(id),
                 {{"Authorization", "Bearer " + key_}}, "");
    EXPECT_EQ(gone.status, 200) << id << ": " << gone.body;
    EXPECT_EQ(QueryText(db_, "SELECT status FROM courses WHERE id = " +
                                 std::to_string(CourseIdIn(report, id))),
              "withdrawn")
        << id;
  }
  const int64_t kept = added - static_cast<int64_t>(withdrawn.size());
  EXPECT_EQ(
      QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE status = 'active' AND provider_id = " +
                        std::to_string(provider_)),
      kept);

  ExpectProbesAnsweredEverywhere(port);
  ExpectComplaintsKeepProbes(port, CourseIdIn(report, "'"));
  ExpectOperatorApiKeepsProbes(port);

  // Afterwards the catalogue is whole: every table answers, nothing else changed.
  EXPECT_EQ(QueryText(db_, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses"), stored_before + added);
  EXPECT_EQ(SearchTotal(port), searchable_before + kept);
  for (const char* table : {"providers", "offerings", "audit", "api_keys", "holds", "complaints",
                            "postcodes", "municipalities", "regions", "vocabulary"}) {
    EXPECT_GT(QueryInt(db_, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
  const HttpResult health = HttpGet(port, "/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body)["courses"], stored_before + added);
}

}  // namespace
}  // namespace verder
