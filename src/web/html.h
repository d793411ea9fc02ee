// web/html.h — writes HTML where every value is escaped unless the call says otherwise.
//
//   HtmlWriter w;
//   w.Open("a", {{"href", url}, {"class", "result"}}).Text(course.title).Close("a");
//   w.Raw("<hr>");  // only constant markup written by us: a visible, deliberate act
//   std::string page = w.Take();
//
// Attribute values and text are escaped (&, <, >, ", ') and made UTF-8 (bytes that are not
// become U+FFFD); URLs in href/src/action are also checked: anything but http(s), a path or a
// fragment becomes "#" (so does one that is not UTF-8), so a provider's "javascript:" link never
// reaches a page.
//
// Everything is appended to one buffer, without a temporary string per value: a results page
// writes about a thousand values, and copying each through its own string took as long as the
// search behind the page (measured under wrk).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verder {

// Attributes built up step by step (one is added only in some cases).
using HtmlAttributes = std::vector<std::pair<std::string, std::string>>;
// Attributes written in the call itself: `{{"class", "result"}, {"href", url}}`. The views only
// live for the call, which is all the writer needs; nothing is copied or allocated.
struct HtmlAttribute {
  std::string_view name;  // a constant written by us, never from input
  std::string_view value;
};
using HtmlAttributeList = std::initializer_list<HtmlAttribute>;

std::string EscapeHtml(std::string_view text);
// Appends `text` escaped (and made UTF-8) to `out`.
void AppendEscapedHtml(std::string_view text, std::string* out);
// The URL when it is safe to put in href/src/action, else "#".
std::string SafeUrl(std::string_view url);
// The same as a view: `url` itself or "#".
std::string_view SafeUrlView(std::string_view url);
// Percent-encodes a query-string component.
std::string UrlEncode(std::string_view text);

class HtmlWriter {
 public:
  HtmlWriter& Open(std::string_view tag, HtmlAttributeList attributes = {});
  HtmlWriter& Open(std::string_view tag, const HtmlAttributes& attributes);
  HtmlWriter& Close(std::string_view tag);
  // A void element (no closing tag): <input>, <img>, <meta>, <link>, <br>.
  HtmlWriter& Void(std::string_view tag, HtmlAttributeList attributes = {});
  HtmlWriter& Void(std::string_view tag, const HtmlAttributes& attributes);
  HtmlWriter& Text(std::string_view text);
  // <tag attrs>text</tag>
  HtmlWriter& Element(std::string_view tag, std::string_view text,
                      HtmlAttributeList attributes = {});
  HtmlWriter& Element(std::string_view tag, std::string_view text,
                      const HtmlAttributes& attributes);
  HtmlWriter& Raw(std::string_view trusted_markup);
  // Room for `bytes` more, so a large page is not copied as it grows.
  void Reserve(size_t bytes) { out_.reserve(out_.size() + bytes); }
  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  void Attribute(std::string_view name, std::string_view value);
  void StartTag(std::string_view tag);
  std::string out_;
};

}  // namespace verder
