#include "funding/scheme_registry.h"

#include <algorithm>
#include <utility>

#include "funding/scheme_loader.h"

namespace verder::funding {
namespace {

// The set with `scheme` in the place of the one with its id, or added at the end.
std::vector<Scheme> WithScheme(const std::vector<Scheme>& schemes, Scheme scheme) {
  std::vector<Scheme> out = schemes;
  const auto it = std::find_if(out.begin(), out.end(),
                               [&scheme](const Scheme& s) { return s.id == scheme.id; });
  if (it == out.end()) {
    out.push_back(std::move(scheme));
  } else {
    *it = std::move(scheme);
  }
  return out;
}

}  // namespace

SchemeRegistry::SchemeRegistry(std::vector<Scheme> schemes)
    : current_(std::make_shared<const FundingEngine>(std::move(schemes))) {}

std::shared_ptr<const FundingEngine> SchemeRegistry::Current() const {
  const std::lock_guard<std::mutex> lock(snapshot_mu_);
  return current_;
}

void SchemeRegistry::Replace(std::vector<Scheme> schemes) {
  auto next = std::make_shared<const FundingEngine>(std::move(schemes));
  const std::lock_guard<std::mutex> lock(snapshot_mu_);
  current_ = std::move(next);
}

std::vector<Error> SchemeRegistry::Overlay(const std::vector<std::string>& definitions) {
  const std::lock_guard<std::mutex> publishing(publish_mu_);
  std::vector<Error> problems;
  std::vector<Scheme> schemes = Current()->schemes();
  for (size_t i = 0; i < definitions.size(); ++i) {
    Scheme scheme;
    std::vector<Error> found =
        ParseScheme(definitions[i], "published[" + std::to_string(i) + "]", &scheme);
    std::vector<Scheme> candidate;
    if (found.empty()) {
      candidate = WithScheme(schemes, std::move(scheme));
      found = CheckSchemeSet(candidate);
    }
    if (found.empty()) {
      schemes = std::move(candidate);
    } else {
      problems.insert(problems.end(), found.begin(), found.end());
    }
  }
  Replace(std::move(schemes));
  return problems;
}

Result<PublishOutcome> SchemeRegistry::Publish(
    std::string_view definition, const std::function<Status(const Scheme&, bool created)>& allowed,
    const std::function<Status(const Scheme&)>& persist, std::vector<Error>* problems) {
  const std::lock_guard<std::mutex> publishing(publish_mu_);
  Scheme scheme;
  *problems = ParseScheme(definition, "body", &scheme);
  if (!problems->empty()) return InvalidArgument("body", "the scheme definition has problems");
  const std::shared_ptr<const FundingEngine> now = Current();
  const Scheme* in_force = now->FindScheme(scheme.id);
  VERDER_RETURN_IF_ERROR(allowed(scheme, in_force == nullptr));
  PublishOutcome outcome{.scheme_id = scheme.id, .changed = false, .created = in_force == nullptr};
  if (in_force != nullptr && in_force->definition == scheme.definition) return outcome;
  std::vector<Scheme> candidate = WithScheme(now->schemes(), scheme);
  *problems = CheckSchemeSet(candidate);
  if (!problems->empty()) {
    return InvalidArgument("body", "the scheme does not fit the schemes in force");
  }
  VERDER_RETURN_IF_ERROR(persist(scheme));
  Replace(std::move(candidate));
  outcome.changed = true;
  return outcome;
}

}  // namespace verder::funding
