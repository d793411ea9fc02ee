// search/query_plan.h — what a typed query means, as index terms.
//
// Each query word becomes a group of variants, any of which may match: the word's stem, its
// English stem, its compound parts together, its synonyms, its completions (last word only) and,
// for words the index hardly knows, its typo corrections. Every group must match (AND); the
// variants carry weights from ranking.h so exact matches rank above corrected ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/segment.h"
#include "search/text_analysis.h"

namespace verder {

struct TermVariant {
  std::vector<std::string> terms;  // all must occur in a document
  float weight = 1.0F;
};

struct WordGroup {
  std::string word;  // folded, as typed
  std::vector<TermVariant> variants;
};

struct QueryPlan {
  std::vector<WordGroup> groups;     // empty: browse everything
  std::vector<std::string> bigrams;  // adjacent query words, for the phrase boost
};

// At most this many words of a query are used; the rest is ignored (a 10 KB query stays fast).
constexpr size_t kMaxQueryWords = 16;

QueryPlan PlanQuery(std::string_view text, const TextAnalysis& analysis,
                    const std::vector<const Segment*>& segments);

// "Did you mean": the query with every word the index does not know replaced by its closest
// known word; empty when there is nothing better to suggest.
std::string SuggestCorrection(std::string_view text, const TextAnalysis& analysis,
                              const std::vector<const Segment*>& segments);

}  // namespace verder
