// funding/internal/json_reader.h — reading a hand-edited JSON file and reporting every problem.
//
// Scheme files are written by people, so one reading pass should report all mistakes at once,
// each naming the file and the place in it ("ppo.json:payment.shares[0].denominator"). Readers
// return what they could read and add a problem for what they could not; unknown keys are
// problems too, so a misspelt rule is never silently ignored.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "core/status.h"
#include "funding/scheme.h"

namespace verder::funding::internal {

class Problems {
 public:
  Problems(std::string file, std::vector<Error>* out) : file_(std::move(file)), out_(out) {}
  void Add(const std::string& path, const std::string& message);
  size_t count() const { return out_->size(); }

 private:
  std::string file_;
  std::vector<Error>* out_;
};

// "criteria[2]" + "yes" → "criteria[2].yes"; the root path is "".
std::string Join(const std::string& path, std::string_view key);
std::string Index(const std::string& path, size_t i);

// False (with a problem) when `j` is not an object; reports every key not in `allowed`.
bool CheckObject(const nlohmann::json& j, const std::string& path,
                 std::initializer_list<std::string_view> allowed, Problems* problems);

// Each reads j[key]; a missing key is a problem only when `required`.
std::optional<std::string> ReadText(const nlohmann::json& j, std::string_view key,
                                    const std::string& path, bool required, Problems* problems);
std::optional<int64_t> ReadInteger(const nlohmann::json& j, std::string_view key,
                                   const std::string& path, bool required, Problems* problems);
std::optional<Date> ReadDate(const nlohmann::json& j, std::string_view key, const std::string& path,
                             bool required, Problems* problems);
// Both languages must be filled when the text is there at all.
LocalizedText ReadLocalized(const nlohmann::json& j, std::string_view key, const std::string& path,
                            bool required, Problems* problems);
std::vector<std::string> ReadTexts(const nlohmann::json& j, std::string_view key,
                                   const std::string& path, bool required, Problems* problems);
// "source": a non-empty list of {file, line, quote, note?}.
std::vector<SourceRef> ReadSources(const nlohmann::json& j, const std::string& path,
                                   Problems* problems);

}  // namespace verder::funding::internal
