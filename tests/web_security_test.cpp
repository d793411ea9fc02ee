// Black-box security tests of the `verder` binary (issue 8). Whatever a provider feed, a query
// string, a form or a path brings is data: it is stored as sent, shown escaped and never becomes
// markup, a script address or SQL. Every kind of answer carries the security headers, no GET
// changes anything, and the log holds no key, personal data or search term.
#include <gtest/gtest.h>
#include <signal.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/feed_api_fixture.h"

namespace verder {
namespace {

using nlohmann::json;
using testing::HttpGet;
using testing::HttpRaw;
using testing::HttpResult;
using testing::HttpSend;
using testing::QueryInt;
using testing::QueryText;

// ---- the probes ----

// The classic XSS probes: a script element, a break-out of a double-quoted attribute into a new
// element, and a break-out of a single-quoted attribute.
constexpr std::string_view kScriptProbe = "<script>alert(1)</script>";
constexpr std::string_view kImgProbe = "\"><img src=x onerror=alert(1)>";
constexpr std::string_view kQuoteProbe = "' onmouseover='x";
// Text a feed may send (it holds no markup, so it is valid) that still tries every escape: both
// quotes, a '<' (which must not end the JSON-LD block either), an entity that must not be
// decoded, and a script address written as text.
constexpr std::string_view kHostileText =
    "Cursus zzvijandig ' onmouseover='x \" onerror=\"alert(1) 1 < 2 &lt;script&gt; javascript:x";
// kHostileText as our HtmlWriter must write it.
constexpr std::string_view kHostileTextEscaped =
    "Cursus zzvijandig &#39; onmouseover=&#39;x &quot; onerror=&quot;alert(1) 1 &lt; 2 "
    "&amp;lt;script&amp;gt; javascript:x";
// A valid web address with a quote in it: stored as sent, written escaped inside href="...".
constexpr std::string_view kQuotedUrl = "https://example.nl/a'onmouseover='x";
constexpr std::string_view kQuotedUrlEscaped = "https://example.nl/a&#39;onmouseover=&#39;x";

const std::vector<std::string>& XssProbes() {
  static const std::vector<std::string> kProbes = {std::string(kScriptProbe),
                                                   std::string(kImgProbe), std::string(kQuoteProbe),
                                                   "javascript:alert(1)"};
  return kProbes;
}

// SQL metacharacters and the classic injections, and non-ASCII text next to a quote.
const std::vector<std::string>& SqlProbes() {
  static const std::vector<std::string> kProbes = {
      "'", "\"", ";",  "--",          "' OR '1'='1", "'); DROP TABLE courses; --",
      "%", "_",  "\\", "\xc3\x91' --"};  // "Ñ' --"
  return kProbes;
}

// "path?name=value", both already percent-encoded.
std::string TargetWithParameter(std::string_view path, std::string_view name,
                                std::string_view value) {
  std::string target(path);
  target.append("?").append(name).append("=").append(value);
  return target;
}

// Percent-encodes everything but letters, digits and -_.~ (for a path segment or a query value).
std::string PercentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---- reading a page the way a browser would be tricked ----

constexpr std::string_view kJsonLdOpen = "<script type=\"application/ld+json\">";
constexpr std::string_view kScriptClose = "</script>";

// The page without its JSON-LD block (JSON, where quotes are text), after checking that the block
// cannot end early: a '<' inside it could start "</script>".
std::string WithoutJsonLd(std::string html, std::vector<std::string>* problems) {
  for (size_t at = html.find(kJsonLdOpen); at != std::string::npos; at = html.find(kJsonLdOpen)) {
    const size_t end = html.find(kScriptClose, at + kJsonLdOpen.size());
    if (end == std::string::npos) {
      problems->push_back("a JSON-LD block without its end");
      return html.substr(0, at);
    }
    const size_t content = at + kJsonLdOpen.size();
    if (html.find('<', content) < end) problems->push_back("a '<' inside the JSON-LD block");
    html.erase(at, end + kScriptClose.size() - at);
  }
  return html;
}

bool IsScriptAddress(std::string_view value) {
  while (!value.empty() && static_cast<unsigned char>(value.front()) <= ' ') value.remove_prefix(1);
  const std::string lower = Lowered(value);
  for (const char* scheme : {"javascript:", "data:", "vbscript:"}) {
    if (lower.rfind(scheme, 0) == 0) return true;
  }
  return false;
}

bool IsAttributeNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':';
}

// Checks the start tag whose '<' is at `at`; returns where it ends. Our HtmlWriter writes every
// attribute as name="value" with & < > " ' escaped in the value, so anything else in a tag is
// text that escaped its place.
size_t CheckStartTag(const std::string& html, size_t at, std::vector<std::string>* problems) {
  size_t i = at + 1;
  std::string name;
  while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])) != 0) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
  }
  const auto complain = [&](const std::string& what) {
    problems->push_back(what + " in <" + name + ">: " + html.substr(at, 160));
  };
  std::map<std::string, std::string> attributes;
  while (true) {
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i])) != 0) ++i;
    if (i >= html.size()) return i;
    if (html[i] == '>') break;
    std::string attribute;
    while (i < html.size() && IsAttributeNameChar(html[i])) attribute += html[i++];
    if (attribute.empty()) {
      complain(std::string("a stray '") + html[i] + "'");
      const size_t end = html.find('>', i);
      return end == std::string::npos ? html.size() : end + 1;
    }
    attribute = Lowered(attribute);
    if (attribute.rfind("on", 0) == 0) complain("an event handler attribute " + attribute);
    if (i < html.size() && html[i] == '=') {
      if (i + 1 >= html.size() || html[i + 1] != '"') {
        complain("an unquoted value of " + attribute);
        const size_t end = html.find('>', i);
        return end == std::string::npos ? html.size() : end + 1;
      }
      const size_t close = html.find('"', i + 2);
      if (close == std::string::npos) {
        complain("an unclosed value of " + attribute);
        return html.size();
      }
      std::string value = html.substr(i + 2, close - i - 2);
      if ((attribute == "href" || attribute == "src" || attribute == "action" ||
           attribute == "formaction") &&
          IsScriptAddress(value)) {
        complain("a script address in " + attribute);
      }
      attributes[attribute] = std::move(value);
      i = close + 1;
    }
  }
  if (name == "script" && attributes["src"] != "/static/suggest.js") {
    complain("a script element we did not write");
  }
  static const std::set<std::string> kNeverWritten = {
      "img", "iframe", "object", "embed", "svg", "math", "base", "frame", "style", "applet"};
  if (kNeverWritten.count(name) != 0) complain("an element we never write");
  return i + 1;
}

// What in `html` a browser would run or follow that we did not write (empty: nothing).
std::vector<std::string> MarkupInjections(const std::string& html) {
  std::vector<std::string> problems;
  for (const std::string_view raw : {std::string_view("<script>alert(1)"), kImgProbe}) {
    if (html.find(raw) != std::string::npos) problems.push_back("raw " + std::string(raw));
  }
  const std::string page = WithoutJsonLd(html, &problems);
  // Outside JSON, a quote is always written as an entity: a raw one is an attribute break-out.
  for (const std::string_view raw : {kQuoteProbe, std::string_view("\" onerror=\"")}) {
    if (page.find(raw) != std::string::npos) problems.push_back("raw " + std::string(raw));
  }
  for (size_t i = 0; i + 1 < page.size(); ++i) {
    if (page[i] == '<' && std::isalpha(static_cast<unsigned char>(page[i + 1])) != 0) {
      i = CheckStartTag(page, i, &problems) - 1;
    }
  }
  return problems;
}

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
    if (json::parse(r.body, nullptr, false).is_discarded()) Add(target + ": body is not JSON");
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
std::set<int> QueryAnswers() { return {200, 400}; }
std::set<int> PathAnswers() { return {400, 404}; }

// ---- the fixture: a server over a slice of the open data, a provider, the operator ----

class WebSecurityTest : public FeedApiTest {
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
  static int64_t CourseIdIn(const json& report, const std::string& external_id) {
    if (!report.is_object() || !report.contains("courses")) return 0;
    for (const json& c : report["courses"]) {
      if (c["id"] == external_id) return c["course_id"].get<int64_t>();
    }
    return 0;
  }
  static int64_t SearchTotal(uint16_t port, const std::string& query = "") {
    const HttpResult r = HttpGet(port, "/api/v1/search?per_page=1" + query);
    const json answer = json::parse(r.body, nullptr, false);
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

// ---- hostile text from feeds ----

json Texts(std::string_view value) {
  return json::array(
      {{{"language", "nl-NL"}, {"value", value}}, {{"language", "en-GB"}, {"value", value}}});
}

// An OOAPI course with `text` in every text field a person sees, taught in Utrecht.
json CourseWithText(const std::string& id, std::string_view text) {
  json course = {{"courseId", id},
                 {"name", Texts(text)},
                 {"description", Texts(text)},
                 {"admissionRequirements", Texts(text)},
                 {"assessment", Texts(text)},
                 {"teachingLanguage", "nld"},
                 {"level", "undefined"},
                 {"modeOfDelivery", {"on campus"}},
                 {"ext",
                  {{"sector", text},
                   {"skills", {text}},
                   {"occupations", {text}},
                   {"followUp", {text}},
                   {"qualityMarks", {text}},
                   {"goal", Texts(text)}}}};
  course["offerings"] =
      json::array({{{"offeringId", id + "-1"},
                    {"startDate", "2027-03-01"},
                    {"endDate", "2027-04-26"},
                    {"link", kQuotedUrl},
                    {"addresses",
                     {{{"addressType", "teaching"},
                       {"street", text},
                       {"streetNumber", "1"},
                       {"postalCode", "3511 AB"},
                       {"city", text}}}},
                    {"priceInformation",
                     {{{"costType", "total costs"}, {"amount", "100.00"}, {"currency", "EUR"}}}}}});
  return course;
}

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

// Every parameter a page or API reads, and one none reads.
const std::vector<std::string>& ParameterNames() {
  static const std::vector<std::string> kNames = {
      "q",      "near",     "region", "radius_km", "sort",       "page",      "per_page", "level",
      "mode",   "postcode", "regio",  "id",        "via",        "course",    "age",      "work",
      "sector", "sent",     "status", "pageSize",  "pageNumber", "zzonbekend"};
  return kNames;
}

const std::vector<std::string>& GetApis() {
  static const std::vector<std::string> kApis = {"/api/v1/search", "/api/v1/suggest",
                                                 "/api/v1/funding/check",
                                                 "/api/v1/funding/net-cost", "/ooapi/v5/courses"};
  return kApis;
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

// ---- security headers on every kind of answer ----

// What is missing from the headers every answer must carry (empty: all there).
std::string MissingSecurityHeaders(const HttpResult& r) {
  std::string missing;
  const auto header = [&r](const char* name) {
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
  };
  const std::string csp = header("content-security-policy");
  for (const char* directive : {"default-src 'self'", "script-src 'self'", "object-src 'none'",
                                "base-uri 'none'", "frame-ancestors 'none'"}) {
    if (csp.find(directive) == std::string::npos) missing += std::string(" CSP ") + directive;
  }
  if (csp.find("unsafe-") != std::string::npos) missing += " CSP without unsafe-*";
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
