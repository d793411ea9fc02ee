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
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verder {

using HtmlAttributes = std::vector<std::pair<std::string, std::string>>;

std::string EscapeHtml(std::string_view text);
// The URL when it is safe to put in href/src/action, else "#".
std::string SafeUrl(std::string_view url);
// Percent-encodes a query-string component.
std::string UrlEncode(std::string_view text);

class HtmlWriter {
 public:
  HtmlWriter& Open(std::string_view tag, const HtmlAttributes& attributes = {});
  HtmlWriter& Close(std::string_view tag);
  // A void element (no closing tag): <input>, <img>, <meta>, <link>, <br>.
  HtmlWriter& Void(std::string_view tag, const HtmlAttributes& attributes = {});
  HtmlWriter& Text(std::string_view text);
  // <tag attrs>text</tag>
  HtmlWriter& Element(std::string_view tag, std::string_view text,
                      const HtmlAttributes& attributes = {});
  HtmlWriter& Raw(std::string_view trusted_markup);
  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  void Attributes(const HtmlAttributes& attributes);
  std::string out_;
};

}  // namespace verder
