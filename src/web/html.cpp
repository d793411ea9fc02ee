#include "web/html.h"

#include <array>
#include <cctype>

#include "core/utf8.h"

namespace verder {

namespace {

// What a byte needs in HTML text and attribute values: nothing, an entity, or a UTF-8 check.
enum class ByteClass : unsigned char { kPlain, kEntity, kNonAscii };

constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (size_t b = 0x80; b < 256; ++b) classes[b] = ByteClass::kNonAscii;
  for (const unsigned char c : {'&', '<', '>', '"', '\''}) classes[c] = ByteClass::kEntity;
  return classes;
}();

std::string_view EntityOf(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return "&#39;";
  }
}

}  // namespace

void AppendEscapedHtml(std::string_view text, std::string* out) {
  // One pass: runs that need nothing are appended whole; an entity replaces its character; a
  // byte that starts no well-formed UTF-8 sequence becomes U+FFFD, so pages are UTF-8 whatever
  // a request brought.
  size_t run = 0;
  for (size_t i = 0; i < text.size();) {
    const ByteClass c = kByteClasses[static_cast<unsigned char>(text[i])];
    if (c == ByteClass::kPlain) {
      ++i;
      continue;
    }
    if (c == ByteClass::kNonAscii) {
      const size_t len = Utf8SequenceLength(text, i);
      if (len > 0) {
        i += len;
        continue;
      }
    }
    out->append(text.substr(run, i - run));
    out->append(c == ByteClass::kEntity ? EntityOf(text[i]) : "\xEF\xBF\xBD");
    run = ++i;
  }
  out->append(text.substr(run));
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendEscapedHtml(text, &out);
  return out;
}

std::string_view SafeUrlView(std::string_view url) {
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
  if (starts("https://") || starts("http://") || starts("mailto:") || starts("tel:")) return url;
  if (!url.empty() &&
      (url[0] == '#' || (url[0] == '/' && (url.size() == 1 || url[1] != '/')) || url[0] == '?')) {
    return url;
  }
  return "#";
}

std::string SafeUrl(std::string_view url) { return std::string(SafeUrlView(url)); }

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

void HtmlWriter::Attribute(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;  // names are constants written by us
  out_ += "=\"";
  const bool url = name == "href" || name == "src" || name == "action";
  AppendEscapedHtml(url ? SafeUrlView(value) : value, &out_);
  out_ += '"';
}

void HtmlWriter::StartTag(std::string_view tag) {
  out_ += '<';
  out_ += tag;
}

HtmlWriter& HtmlWriter::Open(std::string_view tag, HtmlAttributeList attributes) {
  StartTag(tag);
  for (const HtmlAttribute& a : attributes) Attribute(a.name, a.value);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Open(std::string_view tag, const HtmlAttributes& attributes) {
  StartTag(tag);
  for (const auto& [name, value] : attributes) Attribute(name, value);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Close(std::string_view tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Void(std::string_view tag, HtmlAttributeList attributes) {
  return Open(tag, attributes);
}

HtmlWriter& HtmlWriter::Void(std::string_view tag, const HtmlAttributes& attributes) {
  return Open(tag, attributes);
}

HtmlWriter& HtmlWriter::Text(std::string_view text) {
  AppendEscapedHtml(text, &out_);
  return *this;
}

HtmlWriter& HtmlWriter::Element(std::string_view tag, std::string_view text,
                                HtmlAttributeList attributes) {
  return Open(tag, attributes).Text(text).Close(tag);
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
