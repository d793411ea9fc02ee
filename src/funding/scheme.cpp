#include "funding/scheme.h"

#include <algorithm>

#include "funding/vocabulary.h"

namespace verder::funding {

bool IsSchemeId(std::string_view id) {
  if (id.empty() || id.size() > kMaxSchemeIdLength) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
  });
}

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kYes:
      return "yes";
    case Verdict::kNo:
      return "no";
    case Verdict::kMaybe:
      return "maybe";
    case Verdict::kEnded:
      return "ended";
  }
  return "maybe";
}

bool Criterion::about_course() const {
  switch (kind) {
    case Kind::kField: {
      const FieldSpec* spec = FindField(field);
      return spec != nullptr && spec->about_course;
    }
    case Kind::kAnyOf:
      return std::any_of(any_of.begin(), any_of.end(),
                         [](const Criterion& c) { return c.about_course(); });
    case Kind::kMinCostExclVat:
    case Kind::kStartWindow:
      return true;
    case Kind::kNotAsked:
      return false;
  }
  return false;
}

}  // namespace verder::funding
