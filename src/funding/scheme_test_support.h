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

}  // namespace verder::funding::test_support
