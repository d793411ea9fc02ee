// funding/scheme_registry.h — the schemes in force: the files in data/schemes/, overlaid with the
// versions that funders and the operator published through the API (issue 7).
//
// Readers take a snapshot, an immutable engine, and use it for the whole request, so an answer
// never mixes two versions of the rules. Publishing checks the new definition against the whole
// set (ids, stacking rules, compartments), lets the caller store it, and only then swaps the
// snapshot: a definition that fails any check changes nothing, and one that could not be stored
// is not used.
//
//   SchemeRegistry registry(LoadSchemes(dir).value());
//   registry.Overlay(published_definitions_from_the_store);       // at start
//   std::shared_ptr<const FundingEngine> engine = registry.Current();  // per request
//   Result<PublishOutcome> r = registry.Publish(body, may_publish, [&](const Scheme& s) {
//     return store->PublishScheme(s.id, s.definition, actor).status();
//   }, &problems);
//
// Thread-safety: Current() may be called from any thread at any time; Publish() calls are
// serialised inside.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "funding/engine.h"
#include "funding/scheme.h"

namespace verder::funding {

struct PublishOutcome {
  std::string scheme_id;
  bool changed = false;  // false: the definition equals the one in force; nothing was stored
  bool created = false;  // a scheme id that was not in force before
};

class SchemeRegistry {
 public:
  // `schemes` as LoadSchemes returns them: checked as a set.
  explicit SchemeRegistry(std::vector<Scheme> schemes);

  // The definitions published earlier (the store's latest version per scheme), applied over the
  // files at start. A definition that no longer passes the checks (the program's rules grew
  // stricter, or a file it stacks with was removed) is left out and reported, so one bad
  // publication cannot stop the service; the file version, if any, stays in force.
  std::vector<Error> Overlay(const std::vector<std::string>& definitions);

  std::shared_ptr<const FundingEngine> Current() const;

  // Checks `definition` (a scheme file's JSON) alone and against the set it would join. Every
  // problem comes back at once in `problems` (field "body:payment.shares[0]...") and nothing
  // changes. Otherwise `persist` is called with the parsed scheme — unless it equals the scheme
  // in force — and only when it succeeds does the new set come into force. `allowed` is asked
  // before persisting, with the parsed id and whether it is new, so permission depends on the
  // scheme the body names.
  Result<PublishOutcome> Publish(std::string_view definition,
                                 const std::function<Status(const Scheme&, bool created)>& allowed,
                                 const std::function<Status(const Scheme&)>& persist,
                                 std::vector<Error>* problems);

 private:
  void Replace(std::vector<Scheme> schemes);

  mutable std::mutex snapshot_mu_;  // guards current_ (a shared_ptr is not atomic)
  std::shared_ptr<const FundingEngine> current_;
  std::mutex publish_mu_;  // one publication at a time: each checks against the last
};

}  // namespace verder::funding
