#include "core/json_text.h"

#include <charconv>

#include "core/utf8.h"

namespace verder {
namespace {

bool NeedsCare(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied, which need no escape
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!NeedsCare(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(text, i);
      if (length > 0) {  // well-formed: copied as it is, with the run
        i += length;
        continue;
      }
    }
    out->append(text.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that starts no UTF-8 sequence
        }
    }
    run = ++i;
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

void JsonText::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
  } else if (!first_in_container_) {
    out_->push_back(',');
  }
  first_in_container_ = false;
}

JsonText& JsonText::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  first_in_container_ = true;
  return *this;
}

JsonText& JsonText::EndObject() {
  out_->push_back('}');
  first_in_container_ = false;
  return *this;
}

JsonText& JsonText::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  first_in_container_ = true;
  return *this;
}

JsonText& JsonText::EndArray() {
  out_->push_back(']');
  first_in_container_ = false;
  return *this;
}

JsonText& JsonText::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}

JsonText& JsonText::String(std::string_view text) {
  BeforeValue();
  AppendJsonString(text, out_);
  return *this;
}

JsonText& JsonText::Int(int64_t value) {
  BeforeValue();
  char digits[24];
  out_->append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  return *this;
}

JsonText& JsonText::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
  return *this;
}

JsonText& JsonText::Null() {
  BeforeValue();
  out_->append("null");
  return *this;
}

JsonText& JsonText::Strings(const std::vector<std::string>& texts) {
  BeginArray();
  for (const std::string& t : texts) String(t);
  return EndArray();
}

}  // namespace verder
