// tests/web_security_support.h — what the black-box security tests share (issue 8): the probes
// (XSS, SQL), a reader that finds in a page what a browser would run or follow that we did not
// write, a collector of findings, OOAPI courses carrying hostile text, and the fixture: a server
// over the small open data with a provider and the operator.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/feed_api_fixture.h"

namespace verder::testing {

// The classic XSS probes: a script element, a break-out of a double-quoted attribute into a new
// element, and a break-out of a single-quoted attribute.
inline constexpr std::string_view kScriptProbe = "<script>alert(1)</script>";
inline constexpr std::string_view kImgProbe = "\"><img src=x onerror=alert(1)>";
inline constexpr std::string_view kQuoteProbe = "' onmouseover='x";
// Text a feed may send (it holds no markup, so it is valid) that still tries every escape: both
// quotes, a '<' (which must not end the JSON-LD block either), an entity that must not be
// decoded, and a script address written as text.
inline constexpr std::string_view kHostileText =
    "Cursus zzvijandig ' onmouseover='x \" onerror=\"alert(1) 1 < 2 &lt;script&gt; javascript:x";
// kHostileText as our HtmlWriter must write it.
inline constexpr std::string_view kHostileTextEscaped =
    "Cursus zzvijandig &#39; onmouseover=&#39;x &quot; onerror=&quot;alert(1) 1 &lt; 2 "
    "&amp;lt;script&amp;gt; javascript:x";
// A valid web address with a quote in it: stored as sent, written escaped inside href="...".
inline constexpr std::string_view kQuotedUrl = "https://example.nl/a'onmouseover='x";
inline constexpr std::string_view kQuotedUrlEscaped = "https://example.nl/a&#39;onmouseover=&#39;x";

// The XSS probes above and a script address.
const std::vector<std::string>& XssProbes();
// SQL metacharacters and the classic injections, and non-ASCII text next to a quote.
const std::vector<std::string>& SqlProbes();
// "path?name=value", both already percent-encoded.
std::string TargetWithParameter(std::string_view path, std::string_view name,
                                std::string_view value);
// Percent-encodes everything but letters, digits and -_.~ (for a path segment or a query value).
std::string PercentEncoded(std::string_view text);

// Every parameter a page or API reads, and one none reads.
const std::vector<std::string>& ParameterNames();
// The APIs a GET reaches.
const std::vector<std::string>& GetApis();

// What in `html` a browser would run or follow that we did not write (empty: nothing).
std::vector<std::string> MarkupInjections(const std::string& html);

// Collects what went wrong over many requests and reports the first few, so that a broken
// escaper gives a readable failure instead of thousands of lines.
class Findings {
 public:
  void Add(const std::string& what) { items_.push_back(what); }
  void Add(const std::string& target, const std::string& what) {
    items_.push_back(target);
    items_.back().append(": ").append(what);
  }
  // A page answer: one of the `expected` statuses (never a server error) and nothing injected.
  void CheckPage(const std::string& target, const HttpResult& r, const std::set<int>& expected) {
    CheckStatus(target, r, expected);
    for (const std::string& p : MarkupInjections(r.body)) Add(target, p);
  }
  // An API answer: one of the `expected` statuses, and JSON with nosniff, which a browser never
  // renders as a page, whatever text it quotes.
  void CheckApi(const std::string& target, const HttpResult& r, const std::set<int>& expected) {
    CheckStatus(target, r, expected);
    if (r.headers.count("content-type") == 0 ||
        r.headers.at("content-type").rfind("application/json", 0) != 0) {
      Add(target + ": not answered as JSON");
    }
    if (r.headers.count("x-content-type-options") == 0) Add(target + ": no nosniff");
    if (nlohmann::json::parse(r.body, nullptr, false).is_discarded())
      Add(target + ": body is not JSON");
  }
  std::string Report() const {
    std::string out = std::to_string(items_.size()) + " finding(s):";
    for (size_t i = 0; i < items_.size() && i < 20; ++i) out += "\n  " + items_[i];
    return out;
  }
  bool empty() const { return items_.empty(); }

 private:
  void CheckStatus(const std::string& target, const HttpResult& r, const std::set<int>& expected) {
    if (expected.count(r.status) == 0) Add(target + ": status " + std::to_string(r.status));
  }

  std::vector<std::string> items_;
};

// A wrong value in a query is a 400 at most; a wrong path is not found (or a 400 for an id
// that is not a number).
std::set<int> QueryAnswers();
std::set<int> PathAnswers();

// A language-tagged OOAPI text with `value` in Dutch and English.
nlohmann::json Texts(std::string_view value);
// An OOAPI course with `text` in every text field a person sees, taught in Utrecht.
nlohmann::json CourseWithText(const std::string& id, std::string_view text);

// ---- the fixture: a server over a slice of the open data, a provider, the operator ----

class WebSecurityTest : public ::verder::FeedApiTest {
 protected:
  // On the small open data (FeedApiTest), a provider named `provider_name` with its key, the
  // operator's key, then a server.
  uint16_t StartWithProvider(const std::string& provider_name,
                             const std::vector<std::string>& serve_options = {}) {
    key_ = ProviderWithKey("kvk:12345678", provider_name);
    provider_ = ProviderId("kvk:12345678");
    operator_key_ = KeyFrom(Admin({"key-create", "--operator"}));
    return Serve(serve_options);
  }
  std::map<std::string, std::string> AsOperator() const {
    return {{"Authorization", "Bearer " + operator_key_}, {"Content-Type", "application/json"}};
  }
  std::string ProviderPath() const { return "/api/v1/providers/" + std::to_string(provider_); }
  // The course id the feed report gives for the provider's `external_id`, or 0.
  static int64_t CourseIdIn(const nlohmann::json& report, const std::string& external_id) {
    if (!report.is_object() || !report.contains("courses")) return 0;
    for (const nlohmann::json& c : report["courses"]) {
      if (c["id"] == external_id) return c["course_id"].get<int64_t>();
    }
    return 0;
  }
  static int64_t SearchTotal(uint16_t port, const std::string& query = "") {
    const HttpResult r = HttpGet(port, "/api/v1/search?per_page=1" + query);
    const nlohmann::json answer = nlohmann::json::parse(r.body, nullptr, false);
    return answer.is_object() && answer.contains("total") ? answer["total"].get<int64_t>() : -1;
  }
  // A fresh complaint-form token for the course, from its page (the form's hidden field).
  static std::string ComplaintToken(uint16_t port, int64_t course) {
    const HttpResult page = HttpGet(port, "/opleiding/" + std::to_string(course));
    std::smatch m;
    std::regex_search(page.body, m, std::regex("name=\"token\" value=\"([0-9a-f.]+)\""));
    EXPECT_FALSE(m.empty()) << page.body.substr(0, 300);
    return m.empty() ? "" : m.str(1);
  }
  static HttpResult SendComplaint(uint16_t port, int64_t course, const std::string& form_body) {
    return HttpSend(port, "POST", "/opleiding/" + std::to_string(course) + "/melden",
                    {{"Content-Type", "application/x-www-form-urlencoded"}}, form_body);
  }
  std::string ServeLog() const {
    return (dir_ / ("serve" + std::to_string(runs_) + ".log")).string();
  }

  std::string key_;
  std::string operator_key_;
  int64_t provider_ = 0;
};

}  // namespace verder::testing
