#include "funding/scheme_registry.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "funding/scheme_loader.h"
#include "funding/scheme_test_support.h"

namespace verder::funding {
namespace {

using nlohmann::json;
using test_support::Source;
using test_support::Text;
using test_support::ValidScheme;

Scheme Parsed(const json& j) {
  Scheme s;
  EXPECT_TRUE(ParseScheme(j.dump(), "test.json", &s).empty()) << j.dump();
  return s;
}

// Two schemes in force: "a" and "b".
SchemeRegistry TwoSchemes() {
  return SchemeRegistry({Parsed(ValidScheme("a")), Parsed(ValidScheme("b"))});
}

const auto kAllowed = [](const Scheme&, bool) { return Status(); };

TEST(SchemeRegistryTest, PublishingAChangeStoresItThenPutsItInForceForNewSnapshotsOnly) {
  SchemeRegistry registry = TwoSchemes();
  const std::shared_ptr<const FundingEngine> before = registry.Current();
  json changed = ValidScheme("a");
  changed["valid"]["to"] = "2030-12-31";
  std::vector<std::string> stored;
  std::vector<Error> problems;
  const Result<PublishOutcome> r = registry.Publish(
      changed.dump(), kAllowed,
      [&](const Scheme& s) {
        stored.push_back(s.definition);
        return Status();
      },
      &problems);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(r.value().changed);
  EXPECT_FALSE(r.value().created);
  ASSERT_EQ(stored.size(), 1u);
  // The new version is in force; a request that took its snapshot before keeps the old rules.
  EXPECT_EQ(registry.Current()->FindScheme("a")->valid_to->ToString(), "2030-12-31");
  EXPECT_EQ(before->FindScheme("a")->valid_to->ToString(), "2023-12-31");
  // The order of the schemes is kept: "a" stays first.
  EXPECT_EQ(registry.Current()->schemes().front().id, "a");
  EXPECT_EQ(registry.Current()->schemes().size(), 2u);
  // Stored is what is served: the same definition, keys sorted.
  EXPECT_EQ(stored[0], registry.Current()->FindScheme("a")->definition);
}

TEST(SchemeRegistryTest, TheSameDefinitionAgainStoresNothing) {
  SchemeRegistry registry = TwoSchemes();
  // Other whitespace and key order, the same rules.
  const std::string same = ValidScheme("b").dump(4);
  bool persisted = false;
  std::vector<Error> problems;
  const Result<PublishOutcome> r = registry.Publish(
      same, kAllowed,
      [&](const Scheme&) {
        persisted = true;
        return Status();
      },
      &problems);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value().changed);
  EXPECT_FALSE(persisted);
}

TEST(SchemeRegistryTest, ANewSchemeIsAddedAtTheEnd) {
  SchemeRegistry registry = TwoSchemes();
  std::vector<Error> problems;
  const Result<PublishOutcome> r = registry.Publish(
      ValidScheme("c").dump(), kAllowed, [](const Scheme&) { return Status(); }, &problems);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().created);
  EXPECT_EQ(registry.Current()->schemes().back().id, "c");
}

TEST(SchemeRegistryTest, EveryProblemIsListedAndNothingIsStoredOrChanged) {
  SchemeRegistry registry = TwoSchemes();
  const std::shared_ptr<const FundingEngine> before = registry.Current();
  bool persisted = false;
  const auto persist = [&](const Scheme&) {
    persisted = true;
    return Status();
  };
  std::vector<Error> problems;
  // Broken alone: two problems, both reported.
  json broken = ValidScheme("a");
  broken["apply_url"] = "http://insecure.example";
  broken["funder"] = "someone";
  EXPECT_FALSE(registry.Publish(broken.dump(), kAllowed, persist, &problems).ok());
  EXPECT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "body:apply_url");
  // Fine alone, wrong in the set: it stacks with a scheme that does not exist.
  json dangling = ValidScheme("a");
  dangling["stacking"] = json::array({{{"kind", "not-with"},
                                       {"schemes", {"no-such-scheme"}},
                                       {"reason", Text("Niet samen.")},
                                       {"source", Source()}}});
  EXPECT_FALSE(registry.Publish(dangling.dump(), kAllowed, persist, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "body:stacking[0].schemes");
  // Not JSON at all.
  EXPECT_FALSE(registry.Publish("{\"id\": ", kAllowed, persist, &problems).ok());
  EXPECT_FALSE(problems.empty());
  EXPECT_FALSE(persisted);
  EXPECT_EQ(registry.Current(), before);
}

TEST(SchemeRegistryTest, RefusedOrUnstoredPublicationsChangeNothing) {
  SchemeRegistry registry = TwoSchemes();
  const std::shared_ptr<const FundingEngine> before = registry.Current();
  json changed = ValidScheme("a");
  changed["valid"]["to"] = "2030-12-31";
  std::vector<Error> problems;
  bool asked_new = true;
  const Result<PublishOutcome> refused = registry.Publish(
      changed.dump(),
      [&](const Scheme& s, bool created) {
        asked_new = created;
        return PermissionDenied("not " + s.id);
      },
      [](const Scheme&) { return Status(); }, &problems);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_FALSE(asked_new);  // "a" exists
  const Result<PublishOutcome> unstored = registry.Publish(
      changed.dump(), kAllowed, [](const Scheme&) { return Unavailable("disk full"); }, &problems);
  EXPECT_EQ(unstored.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(registry.Current(), before);
}

TEST(SchemeRegistryTest, OverlayAppliesPublishedVersionsAndSkipsThoseThatNoLongerFit) {
  SchemeRegistry registry = TwoSchemes();
  json newer_b = ValidScheme("b");
  newer_b["valid"]["to"] = "2031-01-01";
  json dangling = ValidScheme("d");
  dangling["stacking"] = json::array({{{"kind", "not-with"},
                                       {"schemes", {"gone"}},
                                       {"reason", Text("Niet samen.")},
                                       {"source", Source()}}});
  const std::vector<Error> problems =
      registry.Overlay({newer_b.dump(), dangling.dump(), ValidScheme("c").dump()});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "published[1]:stacking[0].schemes");
  const auto engine = registry.Current();
  EXPECT_EQ(engine->FindScheme("b")->valid_to->ToString(), "2031-01-01");
  EXPECT_EQ(engine->FindScheme("d"), nullptr);
  ASSERT_NE(engine->FindScheme("c"), nullptr);
  EXPECT_EQ(engine->schemes().size(), 3u);
}

}  // namespace
}  // namespace verder::funding
