// core/json_text.h — compact JSON written straight into a string, the way nlohmann::json's
// dump() writes it (no spaces, control characters escaped as \n or \u001f, other text as UTF-8),
// without building a document tree first.
//
// For the hot paths that write thousands of documents (the store serialises every course of a
// feed): there, building a tree of maps and strings and then dumping it cost more than the SQL.
// The writer keeps keys in the order they are written; a caller that must match dump() of a
// nlohmann object writes them in sorted order (and tests that it does).
//
//   std::string out;
//   JsonText w(&out);
//   w.BeginObject().Key("name").String("Kok").Key("hours").Int(400).EndObject();
//   // out == R"({"name":"Kok","hours":400})"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verder {

// Appends `text` as a JSON string literal, quotes included. Invalid UTF-8 is written as U+FFFD
// per bad byte (nlohmann's dump would throw), so the output is always valid JSON.
void AppendJsonString(std::string_view text, std::string* out);

class JsonText {
 public:
  explicit JsonText(std::string* out) : out_(out) {}

  JsonText& BeginObject();
  JsonText& EndObject();
  JsonText& BeginArray();
  JsonText& EndArray();
  // The next value belongs to `key`.
  JsonText& Key(std::string_view key);
  JsonText& String(std::string_view text);
  JsonText& Int(int64_t value);
  JsonText& Bool(bool value);
  JsonText& Null();
  JsonText& Strings(const std::vector<std::string>& texts);

 private:
  // A comma before every element but a container's first, none between a key and its value.
  void BeforeValue();

  std::string* out_;
  bool first_in_container_ = true;
  bool after_key_ = false;
};

}  // namespace verder
