#include "web/html.h"

#include <cctype>

#include "core/utf8.h"

namespace verder {

std::string EscapeHtml(std::string_view text) {
  // Pages are UTF-8 whatever a request brought: bytes that are not become U+FFFD.
  if (!IsValidUtf8(text)) return EscapeHtml(ReplaceInvalidUtf8(text));
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string SafeUrl(std::string_view url) {
  const auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20) return "#";  // no control characters, no newlines
  }
  if (!IsValidUtf8(url)) return "#";
  if (starts("https://") || starts("http://") || starts("mailto:") || starts("tel:"))
    return std::string(url);
  if (!url.empty() &&
      (url[0] == '#' || (url[0] == '/' && (url.size() == 1 || url[1] != '/')) || url[0] == '?')) {
    return std::string(url);
  }
  return "#";
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
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

void HtmlWriter::Attributes(const HtmlAttributes& attributes) {
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;  // names are constants written by us
    out_ += "=\"";
    const bool url = name == "href" || name == "src" || name == "action";
    out_ += EscapeHtml(url ? SafeUrl(value) : value);
    out_ += '"';
  }
}

HtmlWriter& HtmlWriter::Open(std::string_view tag, const HtmlAttributes& attributes) {
  out_ += '<';
  out_ += tag;
  Attributes(attributes);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Close(std::string_view tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Void(std::string_view tag, const HtmlAttributes& attributes) {
  return Open(tag, attributes);
}

HtmlWriter& HtmlWriter::Text(std::string_view text) {
  out_ += EscapeHtml(text);
  return *this;
}

HtmlWriter& HtmlWriter::Element(std::string_view tag, std::string_view text,
                                const HtmlAttributes& attributes) {
  return Open(tag, attributes).Text(text).Close(tag);
}

HtmlWriter& HtmlWriter::Raw(std::string_view trusted_markup) {
  out_ += trusted_markup;
  return *this;
}

}  // namespace verder
