// Black-box security tests of the `verder` binary (issue 8): whatever a provider feed or a query
// string brings is data. It is stored as sent, shown escaped and never becomes markup or a script
// address, on every page type and in every API answer.
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
using testing::kHostileText;
using testing::kHostileTextEscaped;
using testing::kImgProbe;
using testing::kQuotedUrl;
using testing::kQuotedUrlEscaped;
using testing::kQuoteProbe;
using testing::kScriptProbe;
using testing::ParameterNames;
using testing::PathAnswers;
using testing::PercentEncoded;
using testing::QueryAnswers;
using testing::QueryInt;
using testing::TargetWithParameter;
using testing::WebSecurityTest;
using testing::XssProbes;

// ---- hostile text from feeds ----

struct RejectedCase {
  std::string id;
  json course;
  std::string field;  // as the feed names it
  std::string code;
};

// Courses that must be refused, each for one field: markup in text, a script or data address.
std::vector<RejectedCase> UnsafeCourses() {
  const auto with = [](const std::string& id) { return CourseWithText(id, "Veilige titel"); };
  std::vector<RejectedCase> cases;
  RejectedCase c{"markup-title", with("markup-title"), "name[0].value", "markup"};
  c.course["name"][0]["value"] = "Cursus " + std::string(kScriptProbe);
  cases.push_back(c);
  c = {"markup-description", with("markup-description"), "description[1].value", "markup"};
  c.course["description"][1]["value"] = kImgProbe;
  cases.push_back(c);
  c = {"markup-skill", with("markup-skill"), "ext.skills[0]", "markup"};
  c.course["ext"]["skills"][0] = kScriptProbe;
  cases.push_back(c);
  c = {"markup-place", with("markup-place"), "offerings[0].addresses[0].city", "markup"};
  c.course["offerings"][0]["addresses"][0]["city"] = kImgProbe;
  cases.push_back(c);
  c = {"url-javascript", with("url-javascript"), "offerings[0].link", "url"};
  c.course["offerings"][0]["link"] = "javascript:alert(1)";
  cases.push_back(c);
  c = {"url-mixed-case", with("url-mixed-case"), "offerings[0].link", "url"};
  c.course["offerings"][0]["link"] = "JaVaScRiPt:alert(1)";
  cases.push_back(c);
  c = {"url-data", with("url-data"), "link", "url"};
  c.course["offerings"][0].erase("link");  // the course's own link then applies to the offering
  c.course["link"] = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==";
  cases.push_back(c);
  c = {"url-quote-break", with("url-quote-break"), "offerings[0].link", "url"};
  c.course["offerings"][0]["link"] = "https://example.nl/\" onmouseover=\"x";
  cases.push_back(c);
  return cases;
}

TEST_F(WebSecurityTest, HostileFeedTextIsStoredVerbatimAndNeverBecomesMarkup) {
  const uint16_t port = StartWithProvider("Opleider " + std::string(kHostileText));
  ASSERT_NE(port, 0);
  json feed = json::array({CourseWithText("hostile-text", kHostileText)});
  const std::vector<RejectedCase> unsafe = UnsafeCourses();
  for (const RejectedCase& c : unsafe) feed.push_back(c.course);
  const HttpResult posted = Post(port, provider_, key_, feed.dump());
  ASSERT_EQ(posted.status, 200) << posted.body;
  const json report = json::parse(posted.body);
  EXPECT_EQ(report["accepted"], 1) << posted.body;

  // Every unsafe course is refused for its field, with the reason's code; none is stored.
  for (const RejectedCase& c : unsafe) {
    bool named = false;
    for (const json& r : report["rejected"]) {
      named |= r["id"] == c.id && r["field"] == c.field && r["code"] == c.code;
    }
    EXPECT_TRUE(named) << c.id << " not rejected for " << c.field << " (" << c.code << "):\n"
                       << report["rejected"].dump(1);
    EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM courses WHERE external_id = '" + c.id + "'"), 0);
  }

  // The hostile but valid text is stored and given back exactly as sent.
  const int64_t id = CourseIdIn(report, "hostile-text");
  ASSERT_GT(id, 0);
  const HttpResult api = HttpGet(port, "/api/v1/courses/" + std::to_string(id));
  ASSERT_EQ(api.status, 200);
  const json course = json::parse(api.body);
  for (const char* field : {"title", "description", "goal", "prerequisites"}) {
    EXPECT_EQ(course[field]["nl"], kHostileText) << field;
    EXPECT_EQ(course[field]["en"], kHostileText) << field;
  }
  for (const char* field : {"skills", "occupations", "follow_up", "quality_marks"}) {
    EXPECT_EQ(course[field][0], kHostileText) << field;
  }
  EXPECT_EQ(course["sector"], kHostileText);
  EXPECT_EQ(course["exam"], kHostileText);
  EXPECT_EQ(course["provider"]["name"], "Opleider " + std::string(kHostileText));
  EXPECT_EQ(course["offerings"][0]["location"]["place"], kHostileText);
  EXPECT_EQ(course["offerings"][0]["enrol_url"], kQuotedUrl);
  const json ooapi = json::parse(HttpGet(port, "/ooapi/v5/courses/" + std::to_string(id)).body);
  EXPECT_EQ(ooapi["name"][0]["value"], kHostileText);

  // Every page that shows the course shows the text, escaped, and nothing of it as markup.
  ASSERT_TRUE(Finds(port, "zzvijandig", id, true));
  const std::string n = std::to_string(id);
  Findings findings;
  for (const std::string& target : std::vector<std::string>{
           "/opleiding/" + n, "/en/course/" + n, "/zoeken?q=zzvijandig", "/en/search?q=zzvijandig",
           "/vergelijken?id=" + n, "/en/compare?id=" + n, "/opleiding/" + n + "/melden",
           "/en/course/" + n + "/report", std::string("/?postcode=3511"),
           std::string("/en/?postcode=3511")}) {
    const HttpResult page = HttpGet(port, target);
    findings.CheckPage(target, page, {200});
    if (page.body.find(kHostileTextEscaped) == std::string::npos) {
      findings.Add(target + ": does not show the text (escaped)");
    }
  }
  EXPECT_TRUE(findings.empty()) << findings.Report();
  const std::string page = HttpGet(port, "/opleiding/" + n).body;
  EXPECT_NE(page.find("href=\"" + std::string(kQuotedUrlEscaped) + "\""), std::string::npos);
}

// ---- hostile query strings ----

constexpr std::string_view kMissingPage = "/bestaat-niet";

// Every page type, with course 1 (the first DUO course) where a page needs one, and the HTML 404.
const std::vector<std::string>& PageTargets() {
  static const std::vector<std::string> kTargets = {"/",
                                                    "/en/",
                                                    "/zoeken",
                                                    "/en/search",
                                                    "/vergelijken",
                                                    "/en/compare",
                                                    "/hulp",
                                                    "/en/help",
                                                    "/betalen",
                                                    "/en/funding",
                                                    "/opleiding/1",
                                                    "/en/course/1",
                                                    "/opleiding/1/melden",
                                                    "/en/course/1/report",
                                                    "/over",
                                                    "/en/privacy",
                                                    "/ontwikkelaars",
                                                    std::string(kMissingPage)};
  return kTargets;
}

TEST_F(WebSecurityTest, HostileQueryStringsAreAnsweredAndNeverReflectedAsMarkup) {
  // No limit on autocomplete here: this test asks it a few hundred times.
  const uint16_t port = StartWithProvider("Leerhuis Utrecht", {"--suggestions-per-minute", "0"});
  ASSERT_NE(port, 0);
  Findings findings;
  for (const std::string& probe : XssProbes()) {
    const std::string encoded = PercentEncoded(probe);
    for (const std::string& page : PageTargets()) {
      const std::set<int> answers = page == kMissingPage ? std::set<int>{404} : QueryAnswers();
      for (const std::string& name : ParameterNames()) {
        const std::string target = TargetWithParameter(page, name, encoded);
        findings.CheckPage(target, HttpGet(port, target), answers);
      }
      // The probe as a parameter's name, and as a path segment.
      const std::string named = TargetWithParameter(page, encoded, "1");
      findings.CheckPage(named, HttpGet(port, named), answers);
      std::string in_path = page;
      if (in_path.back() != '/') in_path += '/';
      in_path += encoded;
      findings.CheckPage(in_path, HttpGet(port, in_path), PathAnswers());
    }
    for (const std::string& api : GetApis()) {
      for (const std::string& name : ParameterNames()) {
        const std::string target = TargetWithParameter(api, name, encoded);
        findings.CheckApi(target, HttpGet(port, target), QueryAnswers());
      }
    }
    for (const char* api : {"/api/v1/courses/", "/ooapi/v5/courses/", "/api/v1/nothing/"}) {
      findings.CheckApi(api + encoded, HttpGet(port, api + encoded), PathAnswers());
    }
  }
  // Sent as raw bytes, not percent-encoded: the server must refuse or escape them just the same.
  for (const std::string& raw : {std::string("/zoeken?q=\"><img/src=x/onerror=alert(1)>"),
                                 std::string("/en/search?q='onmouseover='x'"),
                                 std::string("/hulp?postcode=<script>alert(1)</script>"),
                                 std::string("/opleiding/<script>alert(1)</script>")}) {
    findings.CheckPage(raw, HttpGet(port, raw), {200, 400, 404});
  }
  EXPECT_TRUE(findings.empty()) << findings.Report();
  // The escaping is not vacuous: the probe is shown, as text.
  const HttpResult results = HttpGet(port, "/zoeken?q=" + PercentEncoded(kQuoteProbe));
  EXPECT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("value=\"&#39; onmouseover=&#39;x\""), std::string::npos);
  EXPECT_EQ(HttpGet(port, "/health").status, 200);  // still serving
}

}  // namespace
}  // namespace verder
