#include "tests/web_security_support.h"

#include <cctype>

namespace verder::testing {

using nlohmann::json;

namespace {

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reading a page the way a browser would be tricked.

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

}  // namespace

const std::vector<std::string>& XssProbes() {
  static const std::vector<std::string> kProbes = {std::string(kScriptProbe),
                                                   std::string(kImgProbe), std::string(kQuoteProbe),
                                                   "javascript:alert(1)"};
  return kProbes;
}

const std::vector<std::string>& SqlProbes() {
  static const std::vector<std::string> kProbes = {
      "'", "\"", ";",  "--",          "' OR '1'='1", "'); DROP TABLE courses; --",
      "%", "_",  "\\", "\xc3\x91' --"};  // "Ñ' --"
  return kProbes;
}

std::string TargetWithParameter(std::string_view path, std::string_view name,
                                std::string_view value) {
  std::string target(path);
  target.append("?").append(name).append("=").append(value);
  return target;
}

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

std::set<int> QueryAnswers() { return {200, 400}; }
std::set<int> PathAnswers() { return {400, 404}; }

json Texts(std::string_view value) {
  return json::array(
      {{{"language", "nl-NL"}, {"value", value}}, {{"language", "en-GB"}, {"value", value}}});
}

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

}  // namespace verder::testing
