// search/posting_match.h — which documents of one segment match a query plan, with their text
// scores: every word group must match (AND), any variant of a group may (OR, best variant counts).
//
// The rarest group drives: its documents are listed once, and every other group is either
// probed per candidate (galloping through its posting lists, when the candidates are few) or
// listed too and intersected (when they are many). Unions of many variants (prefix completions)
// go through a dense score array instead of pairwise merges. Nothing here allocates per document.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "search/query_plan.h"
#include "search/segment.h"

namespace verder {

struct Scored {
  uint32_t doc;
  float score;
};
using ScoredList = std::vector<Scored>;  // ascending by doc

// Inverse document frequency over the whole index (all segments), cached per query.
class IdfTable {
 public:
  IdfTable(const std::vector<const Segment*>& segments, double total_docs);
  float Idf(const std::string& term);

 private:
  const std::vector<const Segment*>& segments_;
  double total_;
  std::unordered_map<std::string, float> cache_;
};

// The documents of `s` matching every group of `plan` (which must have groups), with their
// BM25F scores and the title-phrase boost of the plan's bigrams, into `out` (cleared first).
void MatchPlan(const Segment& s, const QueryPlan& plan, IdfTable* idf, ScoredList* out);

}  // namespace verder
