// web/funding_net_cost.h — a person's funding as the search engine's NetCostModel.
//
// Glue between search/ (which knows no funding rules) and funding/ (which knows no index): it
// turns a document's cost columns into funding facts and asks a NetCostCalculator made once for
// this person and day. Lookups that build a catalogue course (registers, level, sector) are
// remembered per request, so each is done once, not once per document.
//
//   FundingNetCost model(engine, answers.person, today);
//   query.net_cost = &model;
//
// Not thread-safe (its caches): one per request, used by the thread that searches.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>

#include "funding/engine.h"
#include "funding/net_cost_calculator.h"
#include "search/search_query.h"
#include "web/funding_params.h"

namespace verder {

class FundingNetCost final : public NetCostModel {
 public:
  FundingNetCost(const funding::FundingEngine& engine, const funding::Person& person, Date as_of)
      : calculator_(engine.PrepareNetCost(person, as_of)) {}

  std::optional<Cents> NetCents(const CourseCostFacts& course) const override;

 private:
  uint32_t Registers(uint32_t flags, std::string_view code_type) const;
  int LevelIndex(Level level) const;
  int SectorIndex(std::string_view sector) const;

  funding::NetCostCalculator calculator_;
  // Keyed by code type, then by funding flags (bit 31 set: looked up). Transparent maps: a
  // lookup with the index's string_view allocates nothing.
  mutable std::map<std::string, std::array<uint32_t, 256>, std::less<>> registers_;
  mutable std::array<int, 16> levels_{};  // index + 1; 0: not looked up yet
  mutable std::map<std::string, int, std::less<>> sectors_;
};

// Gives `query` the person's net cost when they answered the funding questions (so hits carry
// it and "net_max" and "sort=net" work); an error naming the parameter when the query asks for
// net cost without any answers.
Status UseNetCost(const FundingAnswers& answers, const funding::FundingEngine& engine, Date today,
                  std::optional<FundingNetCost>* model, SearchQuery* query);

}  // namespace verder
