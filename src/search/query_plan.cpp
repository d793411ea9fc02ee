#include "search/query_plan.h"

#include <algorithm>
#include <map>

#include "search/ranking.h"

namespace verder {
namespace {

uint64_t TotalDocFrequency(const std::vector<const Segment*>& segments, std::string_view term) {
  uint64_t df = 0;
  for (const Segment* s : segments) df += s->DocFrequency(term);
  return df;
}

int MaxEdits(size_t length) {
  if (length >= static_cast<size_t>(ranking::kTwoEditsMinLength)) return 2;
  if (length >= static_cast<size_t>(ranking::kOneEditMinLength)) return 1;
  return 0;
}

// Typo corrections of `word` over every segment: term → fewest edits, excluding `word` itself.
std::map<std::string, int> Corrections(std::string_view word,
                                       const std::vector<const Segment*>& segments) {
  std::map<std::string, int> best;
  const int max_edits = MaxEdits(word.size());
  if (max_edits == 0) return best;
  std::vector<std::pair<std::string, int>> found;
  for (const Segment* s : segments) s->CollectTypos(word, max_edits, &found);
  for (auto& [term, d] : found) {
    if (d == 0 || term == word) continue;
    auto [it, inserted] = best.emplace(term, d);
    if (!inserted) it->second = std::min(it->second, d);
  }
  return best;
}

TermVariant PhraseVariant(std::string_view phrase, const TextAnalysis& analysis, float weight) {
  TermVariant v;
  v.weight = weight;
  for (const std::string& token : Tokenize(phrase, kMaxQueryWords)) {
    if (!IsStopWord(token)) v.terms.push_back(analysis.Stem(token, Language::kDutch));
  }
  return v;
}

void AddVariant(WordGroup* group, TermVariant v) {
  if (v.terms.empty()) return;
  for (TermVariant& existing : group->variants) {
    if (existing.terms == v.terms) {
      existing.weight = std::max(existing.weight, v.weight);
      return;
    }
  }
  group->variants.push_back(std::move(v));
}

void AddTypoVariants(WordGroup* group, const std::string& stem, const std::string& word,
                     const std::vector<const Segment*>& segments) {
  std::map<std::string, int> corrections = Corrections(stem, segments);
  if (word != stem) {
    for (auto& [term, d] : Corrections(word, segments)) corrections.emplace(term, d);
  }
  // The closest and most common corrections first; a handful is plenty.
  std::vector<std::pair<std::string, int>> ranked(corrections.begin(), corrections.end());
  std::vector<uint64_t> df(ranked.size());
  for (size_t i = 0; i < ranked.size(); ++i) df[i] = TotalDocFrequency(segments, ranked[i].first);
  std::vector<size_t> order(ranked.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return ranked[a].second != ranked[b].second ? ranked[a].second < ranked[b].second
                                                : df[a] > df[b];
  });
  for (size_t k = 0; k < order.size() && k < 8; ++k) {
    const auto& [term, d] = ranked[order[k]];
    AddVariant(group, {{term}, d == 1 ? ranking::kTypoOneEdit : ranking::kTypoTwoEdits});
  }
}

void AddPrefixVariants(WordGroup* group, const std::string& word,
                       const std::vector<const Segment*>& segments) {
  if (word.size() < static_cast<size_t>(ranking::kMinPrefixLength)) return;
  // Up to 5,000 completions per segment, on every keystroke of autocomplete and every query: they
  // are views into the segments' terms, and only the few kept are copied.
  thread_local std::vector<std::pair<std::string_view, uint32_t>> found;
  thread_local std::vector<std::pair<std::string_view, uint64_t>> ranked;
  found.clear();
  ranked.clear();
  for (const Segment* s : segments) s->CollectPrefix(word, 5000, &found);
  // Each segment's terms come in order; a term in several segments counts their frequencies.
  if (segments.size() > 1) {
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  for (const auto& [term, df] : found) {
    if (!ranked.empty() && ranked.back().first == term) {
      ranked.back().second += df;
    } else {
      ranked.emplace_back(term, df);
    }
  }
  // The most common first; equally common ones in alphabetical order.
  const size_t keep = std::min(ranked.size(), static_cast<size_t>(ranking::kMaxPrefixExpansions));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                    });
  for (size_t k = 0; k < keep; ++k) {
    AddVariant(group, {{std::string(ranked[k].first)}, ranking::kPrefixVariant});
  }
}

}  // namespace

QueryPlan PlanQuery(std::string_view text, const TextAnalysis& analysis,
                    const std::vector<const Segment*>& segments) {
  QueryPlan plan;
  std::vector<std::string> tokens = Tokenize(text.substr(0, 4096), kMaxQueryWords);
  const SynonymTable& synonyms = analysis.synonyms();
  std::string previous_stem;
  for (size_t i = 0; i < tokens.size();) {
    // The longest synonym phrase starting here ("voorschoolse educatie") is one group.
    size_t phrase_len = 0;
    for (size_t k = std::min(synonyms.max_phrase_tokens(), tokens.size() - i); k >= 2; --k) {
      std::string phrase = tokens[i];
      for (size_t t = 1; t < k; ++t) phrase += " " + tokens[i + t];
      if (!synonyms.Lookup(phrase).empty()) {
        phrase_len = k;
        WordGroup group{phrase, {PhraseVariant(phrase, analysis, ranking::kExactVariant)}};
        for (const std::string& s : synonyms.Lookup(phrase))
          AddVariant(&group, PhraseVariant(s, analysis, ranking::kSynonymVariant));
        plan.groups.push_back(std::move(group));
        break;
      }
    }
    if (phrase_len > 0) {
      i += phrase_len;
      previous_stem.clear();
      continue;
    }
    const std::string& word = tokens[i];
    const bool last = i + 1 == tokens.size();
    ++i;
    if (IsStopWord(word)) {
      previous_stem.clear();
      continue;
    }
    WordGroup group{word, {}};
    const AnalysedWord dutch = analysis.Analyse(word, Language::kDutch);
    AddVariant(&group, {{dutch.stem}, ranking::kExactVariant});
    const std::string english = analysis.Stem(word, Language::kEnglish);
    if (english != dutch.stem) AddVariant(&group, {{english}, ranking::kEnglishStemVariant});
    if (!dutch.part_stems.empty())
      AddVariant(&group, {dutch.part_stems, ranking::kCompoundPartsVariant});
    for (const std::string& s : synonyms.Lookup(word))
      AddVariant(&group, PhraseVariant(s, analysis, ranking::kSynonymVariant));
    if (last) AddPrefixVariants(&group, word, segments);
    if (TotalDocFrequency(segments, dutch.stem) <
        static_cast<uint64_t>(ranking::kTypoOnlyBelowDocFrequency)) {
      AddTypoVariants(&group, dutch.stem, word, segments);
    }
    if (!previous_stem.empty()) plan.bigrams.push_back("\x01" + previous_stem + " " + dutch.stem);
    previous_stem = dutch.stem;
    plan.groups.push_back(std::move(group));
  }
  return plan;
}

std::string SuggestCorrection(std::string_view text, const TextAnalysis& analysis,
                              const std::vector<const Segment*>& segments) {
  std::string out;
  bool changed = false;
  for (const std::string& word : Tokenize(text.substr(0, 4096), kMaxQueryWords)) {
    std::string replacement = word;
    const std::string stem = analysis.Stem(word, Language::kDutch);
    if (!IsStopWord(word) && TotalDocFrequency(segments, stem) == 0) {
      uint64_t best_df = 0;
      int best_d = 3;
      for (const auto& [term, d] : Corrections(word, segments)) {
        const uint64_t df = TotalDocFrequency(segments, term);
        if (d < best_d || (d == best_d && df > best_df)) {
          best_d = d;
          best_df = df;
          replacement = term;
        }
      }
      changed = changed || replacement != word;
    }
    if (!out.empty()) out += ' ';
    out += replacement;
  }
  return changed ? out : std::string();
}

}  // namespace verder
