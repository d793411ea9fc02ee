// Black-box security tests of the `verder` binary (issue 8): every kind of answer carries the
// security headers, no GET or HEAD changes anything, and the log holds no key, personal data or
// search term. (Escaping: web_security_escaping_test.cpp; SQL: web_security_sql_test.cpp.)
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/web_security_support.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpRaw;
using testing::HttpResult;
using testing::HttpSend;
using testing::PercentEncoded;
using testing::QueryInt;
using testing::QueryText;
using testing::WebSecurityTest;

// ---- security headers on every kind of answer ----

// What is missing from the headers every answer must carry (empty: all there).
std::string MissingSecurityHeaders(const HttpResult& r) {
  std::string missing;
  const auto header = [&r](const char* name) {
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
  };
  const std::string csp = header("content-security-policy");
  for (const char* directive : {"default-src 'self'", "img-src 'self';", "script-src 'self'",
                                "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"}) {
    if (csp.find(directive) == std::string::npos) missing += std::string(" CSP ") + directive;
  }
  if (csp.find("unsafe-") != std::string::npos) missing += " CSP without unsafe-*";
  if (csp.find("data:") != std::string::npos) missing += " CSP without data:";
  if (header("x-content-type-options") != "nosniff") missing += " nosniff";
  if (header("referrer-policy") != "no-referrer") missing += " no-referrer";
  return missing;
}

TEST_F(WebSecurityTest, EveryKindOfAnswerCarriesTheSecurityHeaders) {
  // Two suggestions a minute: the third request is a cheap 429.
  const uint16_t port = StartWithProvider("Leerhuis Utrecht", {"--suggestions-per-minute", "2"});
  ASSERT_NE(port, 0);
  const HttpResult css = HttpGet(port, "/static/verder.css");
  const std::string token = ComplaintToken(port, 1);
  const std::string form = "application/x-www-form-urlencoded";
  struct Answer {
    std::string what;
    HttpResult result;
    int status;
  };
  std::vector<Answer> answers = {
      {"page", HttpGet(port, "/"), 200},
      {"English page", HttpGet(port, "/en/course/1"), 200},
      {"HEAD of a page", HttpGet(port, "/opleiding/1", "HEAD"), 200},
      {"API JSON", HttpGet(port, "/api/v1/search?q=zorg"), 200},
      {"OOAPI JSON", HttpGet(port, "/ooapi/v5/courses/1"), 200},
      {"OpenAPI document", HttpGet(port, "/api/v1/openapi.yaml"), 200},
      {"CSV download", HttpGet(port, "/api/v1/feeds/template.csv"), 200},
      {"chunked export", HttpGet(port, "/api/v1/export"), 200},
      {"static CSS", css, 200},
      {"static JS", HttpGet(port, "/static/suggest.js"), 200},
      {"static 304",
       HttpRaw(port, "GET /static/verder.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " +
                         css.headers.at("etag") + "\r\nConnection: close\r\n\r\n"),
       304},
      {"static 404", HttpGet(port, "/static/nope.css"), 404},
      {"page 404", HttpGet(port, "/bestaat-niet"), 404},
      {"API 404", HttpGet(port, "/api/v1/courses/999999999"), 404},
      {"page 400", HttpGet(port, "/zoeken?per_page=5000"), 400},
      {"API 400", HttpGet(port, "/api/v1/courses/abc"), 400},
      {"malformed request 400", HttpRaw(port, "NONSENSE\r\n\r\n"), 400},
      {"API 401", Post(port, provider_, "vk_wrong", "[]"), 401},
      {"form 403", SendComplaint(port, 1, "token=1.abc&category=other&message=x"), 403},
      {"form 303", SendComplaint(port, 1, "token=" + token + "&category=other&message=Klopt+niet"),
       303},
      {"API 405", HttpGet(port, "/health", "POST"), 405},
      {"page 405", HttpSend(port, "DELETE", "/zoeken", {}, ""), 405},
      {"413",
       HttpRaw(port, "POST /opleiding/1/melden HTTP/1.1\r\nHost: x\r\nContent-Type: " + form +
                         "\r\nContent-Length: 9000000\r\n\r\ntoken="),
       413},
      {"414", HttpGet(port, "/zoeken?q=" + std::string(5000, 'a')), 414},
      {"431",
       HttpRaw(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n"),
       431},
  };
  for (int i = 0; i < 2; ++i) HttpGet(port, "/api/v1/suggest?q=zorg");
  answers.push_back({"429", HttpGet(port, "/api/v1/suggest?q=zorg"), 429});
  for (const Answer& a : answers) {
    EXPECT_EQ(a.result.status, a.status) << a.what;
    EXPECT_EQ(MissingSecurityHeaders(a.result), "") << a.what;
  }
}

// ---- no GET changes state ----

// A request that would change something if it came as a POST or DELETE.
struct StateChangeAttempt {
  std::string target;
  std::map<std::string, std::string> headers;
  std::string body;
};

// What the state-changing routes act on, counted in the store.
std::map<std::string, int64_t> StateCounts(const std::string& db) {
  std::map<std::string, int64_t> counts;
  for (const char* sql :
       {"SELECT COUNT(*) FROM audit", "SELECT COUNT(*) FROM providers",
        "SELECT COUNT(*) FROM courses WHERE status = 'active'", "SELECT COUNT(*) FROM api_keys",
        "SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL", "SELECT COUNT(*) FROM holds",
        "SELECT COUNT(*) FROM holds WHERE lifted_at IS NULL", "SELECT COUNT(*) FROM complaints",
        "SELECT COUNT(*) FROM complaints WHERE status = 'open'"}) {
    counts[sql] = QueryInt(db, sql);
  }
  return counts;
}

// Sends the attempt as GET and HEAD: plain, and with its body, a Content-Type and the method
// overrides some frameworks honour (X-HTTP-Method-Override, _method). Each must be refused (405,
// and GET not among the allowed methods) or answered with a page that changes nothing (200).
void ExpectOnlyReadsBy(uint16_t port, const StateChangeAttempt& a) {
  const bool api = a.target.rfind("/api/", 0) == 0;
  const bool deletes =
      a.target.find("/keys/") != std::string::npos || a.target.find("/holds/") != std::string::npos;
  const std::string method_override = deletes ? "DELETE" : "POST";
  std::map<std::string, std::string> with_body = a.headers;
  with_body["Content-Type"] = api ? "application/json" : "application/x-www-form-urlencoded";
  with_body["X-HTTP-Method-Override"] = method_override;
  const std::string overridden = a.target + (a.target.find('?') == std::string::npos ? "?" : "&") +
                                 "_method=" + method_override;
  for (const char* method : {"GET", "HEAD"}) {
    const HttpResult plain = HttpSend(port, method, a.target, a.headers, "");
    const HttpResult smuggled = HttpSend(port, method, overridden, with_body, a.body);
    for (const HttpResult* r : {&plain, &smuggled}) {
      EXPECT_TRUE(r->status == 405 || r->status == 200)
          << method << " " << a.target << ": " << r->status;
      if (r->status == 405) {
        EXPECT_EQ(r->headers.at("allow").find("GET"), std::string::npos) << a.target;
      }
    }
  }
}

TEST_F(WebSecurityTest, NoGetOrHeadChangesState) {
  const uint16_t port = StartWithProvider("Leerhuis Utrecht");
  ASSERT_NE(port, 0);
  const std::string example = testing::ReadAll(source_ + "/data/feeds/example.json");
  const json report = json::parse(Post(port, provider_, key_, example).body);
  const int64_t course = CourseIdIn(report, "bk-2026");
  ASSERT_GT(course, 0);
  // Something for every state-changing route to act on: a course, a hold, a complaint, a key.
  const std::string c = std::to_string(course);
  const json hold_body = {
      {"entity", "course"}, {"id", CourseIdIn(report, "py-data")}, {"reason", "Test."}};
  const HttpResult hold =
      HttpSend(port, "POST", "/api/v1/moderation/holds", AsOperator(), hold_body.dump());
  ASSERT_EQ(hold.status, 201) << hold.body;
  const std::string hold_id = std::to_string(json::parse(hold.body)["id"].get<int64_t>());
  const std::string token = ComplaintToken(port, course);
  ASSERT_EQ(SendComplaint(port, course, "token=" + token + "&category=other&message=Eerste").status,
            303);
  const std::string complaint =
      std::to_string(QueryInt(db_, "SELECT id FROM complaints WHERE message = 'Eerste'"));
  const std::string key_id = key_.substr(3, 12);  // vk_<key id>_<secret>
  const std::string p = std::to_string(provider_);
  const std::map<std::string, std::string> as_provider = {{"Authorization", "Bearer " + key_}};
  const std::map<std::string, std::string> as_operator = AsOperator();
  const std::string complaint_form = "token=" + token + "&category=misleading&message=Tweede";
  const std::vector<StateChangeAttempt> attempts = {
      {"/api/v1/providers/" + p + "/courses?mode=full", as_provider, "[]"},
      {"/api/v1/providers/" + p + "/courses/bk-2026", as_provider, ""},
      {"/api/v1/providers?key=kvk:87654321&name=Nieuw", as_operator,
       R"({"key": "kvk:87654321", "name": "Nieuw"})"},
      {"/api/v1/providers/" + p + "/keys", as_operator, "{}"},
      {"/api/v1/keys/" + key_id, as_operator, ""},
      {"/api/v1/moderation/holds?entity=course&id=" + c + "&reason=x", as_operator,
       json({{"entity", "course"}, {"id", course}, {"reason", "x"}}).dump()},
      {"/api/v1/moderation/holds/" + hold_id, as_operator, ""},
      {"/api/v1/moderation/complaints/" + complaint + "?status=handled", as_operator,
       R"({"status": "handled"})"},
      {"/opleiding/" + c + "/melden?" + complaint_form, {}, complaint_form},
      {"/en/course/" + c + "/report?" + complaint_form, {}, complaint_form},
  };

  const std::map<std::string, int64_t> before = StateCounts(db_);
  for (const StateChangeAttempt& a : attempts) ExpectOnlyReadsBy(port, a);
  EXPECT_EQ(StateCounts(db_), before);
  // And the things the routes would have changed are as they were.
  EXPECT_EQ(QueryText(db_, "SELECT status FROM courses WHERE id = " + c), "active");
  EXPECT_EQ(HttpGet(port, "/opleiding/" + c).status, 200);
  EXPECT_EQ(Post(port, provider_, key_, example).status, 200);  // the key still works
  EXPECT_EQ(QueryText(db_, "SELECT status FROM complaints WHERE id = " + complaint), "open");
  // The counts do see a change when there is one: the same form, POSTed.
  EXPECT_EQ(SendComplaint(port, course, complaint_form).status, 303);
  EXPECT_NE(StateCounts(db_), before);
}

// ---- no secrets or personal data in the log ----

TEST_F(WebSecurityTest, LogHoldsNoKeysPersonalDataOrSearchTerms) {
  const uint16_t port = StartWithProvider("Leerhuis Utrecht");
  ASSERT_NE(port, 0);
  const std::string log_path = ServeLog();
  const size_t log_at_start = testing::ReadAll(log_path).size();
  const std::string secret = key_.substr(key_.rfind('_') + 1);
  std::string wrong_key = key_;
  wrong_key.back() = wrong_key.back() == 'a' ? 'b' : 'a';
  const std::string email = "jan.jansen@example.nl";
  const std::string complaint_text = "zzklachttekst mijn buurman zegt dat de prijs niet klopt";
  const std::string term = "zzgeheimzoekwoord";
  const std::string postcode = "9711";  // with "ZZ": a full postcode, as a person types it

  const std::string example = testing::ReadAll(source_ + "/data/feeds/example.json");
  const json report = json::parse(Post(port, provider_, key_, example).body);
  const int64_t course = CourseIdIn(report, "bk-2026");
  ASSERT_GT(course, 0);
  EXPECT_EQ(Post(port, provider_, wrong_key, example).status, 401);
  EXPECT_EQ(
      HttpSend(port, "GET", ProviderPath() + "/holds", {{"Authorization", "Bearer " + key_}}, "")
          .status,
      200);
  EXPECT_EQ(HttpSend(port, "GET", ProviderPath() + "/holds",
                     {{"Authorization", "Bearer " + wrong_key}}, "")
                .status,
            401);
  EXPECT_EQ(HttpSend(port, "POST", "/api/v1/providers", {{"Authorization", "Bearer " + key_}}, "{}")
                .status,
            403);
  const std::string token = ComplaintToken(port, course);
  const std::string message = PercentEncoded("Mail me op " + email + ": " + complaint_text);
  EXPECT_EQ(
      SendComplaint(port, course, "token=" + token + "&category=other&message=" + message).status,
      303);
  // A refused complaint too: errors are where a careless server logs the request.
  EXPECT_EQ(
      SendComplaint(port, course, "token=" + token + "&category=nee&message=" + message).status,
      400);
  EXPECT_EQ(SendComplaint(port, course, "token=forged&category=other&message=" + message).status,
            403);
  const std::vector<std::string> with_personal_data = {
      "/zoeken?q=" + term,
      "/en/search?q=" + term,
      "/api/v1/search?q=" + term,
      "/api/v1/suggest?q=" + term,
      "/api/v1/search?q=" + term + "&per_page=5000",
      "/zoeken?q=" + term + "&near=" + postcode + "ZZ",
      "/hulp?postcode=" + postcode + "+ZZ",
      "/?postcode=" + postcode + "ZZ",
      "/betalen?age=34&postcode=" + postcode + "+ZZ",
      "/api/v1/funding/check?age=34&postcode=" + postcode + "ZZ",
      "/api/v1/search?q=" + term + "&near=" + postcode + "ZZ&radius_km=900"};
  for (const std::string& target : with_personal_data) {
    EXPECT_LT(HttpGet(port, target).status, 500) << target;
  }
  ::kill(pid_, SIGTERM);
  EXPECT_EQ(testing::WaitExit(pid_), 0);
  pid_ = 0;

  const std::string log = testing::ReadAll(log_path);
  ASSERT_GT(log.size(), 0U);
  std::vector<std::string> leaked;
  for (const std::string& text : {key_, secret, wrong_key, email, complaint_text, term,
                                  postcode + "ZZ", postcode + " ZZ", postcode + "+ZZ"}) {
    if (log.find(text) != std::string::npos) leaked.push_back(text);
  }
  EXPECT_TRUE(leaked.empty()) << "the log holds " << ::testing::PrintToString(leaked)
                              << "; what it wrote after the start:\n"
                              << log.substr(log_at_start, 2000);
  // The four digits alone only in what the start printed (the import's own summary), never after.
  EXPECT_EQ(log.find(postcode, log_at_start), std::string::npos) << log.substr(log_at_start);
}

}  // namespace
}  // namespace verder
