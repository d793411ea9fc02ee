#include "funding/scheme_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "core/file.h"
#include "funding/internal/scheme_json.h"

namespace verder::funding {
namespace {

Error SetProblem(const Scheme& s, const std::string& path, const std::string& message) {
  return InvalidArgument(s.file + ":" + path, message);
}

}  // namespace

std::vector<Error> ParseScheme(std::string_view text, const std::string& file, Scheme* scheme) {
  return internal::ParseSchemeJson(text, file, scheme);
}

std::vector<Error> CheckSchemeSet(const std::vector<Scheme>& schemes) {
  std::vector<Error> out;
  std::map<std::string, const Scheme*> by_id;
  for (const Scheme& s : schemes) {
    const auto [it, inserted] = by_id.emplace(s.id, &s);
    if (!inserted)
      out.push_back(SetProblem(s, "id", "'" + s.id + "' is also used by " + it->second->file));
  }
  for (const Scheme& s : schemes) {
    for (size_t i = 0; i < s.stacking.size(); ++i) {
      for (const std::string& other : s.stacking[i].schemes) {
        if (by_id.count(other) == 0) {
          out.push_back(SetProblem(s, "stacking[" + std::to_string(i) + "].schemes",
                                   "no scheme has the id '" + other + "'"));
        } else if (other == s.id) {
          out.push_back(SetProblem(s, "stacking[" + std::to_string(i) + "].schemes",
                                   "a scheme cannot stack with itself"));
        }
      }
    }
    const std::string& parent = s.payment.compartment_of;
    if (s.payment.kind == PaymentKind::kCompartment) {
      const auto it = by_id.find(parent);
      if (it == by_id.end()) {
        out.push_back(
            SetProblem(s, "payment.compartment_of", "no scheme has the id '" + parent + "'"));
      } else if (it->second->payment.kind != PaymentKind::kCourse) {
        out.push_back(
            SetProblem(s, "payment.compartment_of", "'" + parent + "' does not pay for courses"));
      }
    }
  }
  return out;
}

SchemeFiles ReadSchemeFiles(const std::string& dir) {
  SchemeFiles out;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    out.problems.push_back(
        Unavailable("cannot read the scheme folder " + dir + ": " + ec.message()));
    return out;
  }
  if (files.empty()) out.problems.push_back(NotFound("no scheme files (*.json) in " + dir));
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const Result<std::string> text = ReadFile(path.string());
    if (!text.ok()) {
      out.problems.push_back(text.error());
      continue;
    }
    Scheme scheme;
    std::vector<Error> problems = ParseScheme(text.value(), path.filename().string(), &scheme);
    if (problems.empty()) {
      out.schemes.push_back(std::move(scheme));
    } else {
      out.problems.insert(out.problems.end(), problems.begin(), problems.end());
    }
  }
  std::vector<Error> set_problems = CheckSchemeSet(out.schemes);
  out.problems.insert(out.problems.end(), set_problems.begin(), set_problems.end());
  return out;
}

Result<std::vector<Scheme>> LoadSchemes(const std::string& dir) {
  SchemeFiles files = ReadSchemeFiles(dir);
  if (files.problems.empty()) return std::move(files.schemes);
  std::string message = std::to_string(files.problems.size()) + " problem(s) in the scheme files:";
  for (const Error& e : files.problems) message += "\n  " + e.ToString();
  Error error = files.problems.front();
  error.message = message;
  return error;
}

}  // namespace verder::funding
