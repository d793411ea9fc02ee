// Small builders shared by the funding tests: scheme JSON pieces and dates.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"

namespace verder::funding::test_support {

// A language-tagged text as scheme files hold it.
inline nlohmann::json Text(const std::string& nl) { return {{"nl", nl}, {"en", nl + " (en)"}}; }

// A source citation, required on every rule of a scheme file.
inline nlohmann::json Source() {
  return nlohmann::json::array({{{"file", "DOMAIN.md"}, {"line", 1}, {"quote", "q"}}});
}

// A date the test knows to be valid.
inline Date D(const char* text) { return Date::Parse(text).value(); }

// A small valid scheme file; tests break one thing at a time.
inline nlohmann::json ValidScheme(const std::string& id = "test-scheme") {
  using nlohmann::json;
  return json{
      {"id", id},
      {"name", Text("Naam")},
      {"goal", Text("Doel")},
      {"operator", Text("Uitvoerder")},
      {"apply_url", "https://example.org/aanvragen"},
      {"funder", "public"},
      {"valid", {{"from", "2022-03-01"}, {"to", "2023-12-31"}, {"source", Source()}}},
      {"criteria", json::array({{{"field", "age"},
                                 {"yes", {{"min", 18}}},
                                 {"reason_no", Text("Te jong.")},
                                 {"source", Source()}}})},
      {"payment",
       {{"kind", "course"},
        {"cost_parts", {"tuition"}},
        {"shares", json::array({{{"numerator", 1}, {"denominator", 1}, {"source", Source()}}})},
        {"source", Source()}}},
      {"reason_yes", Text("Ja.")},
      {"obligations", Text("Niets.")}};
}

}  // namespace verder::funding::test_support
