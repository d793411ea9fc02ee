#include "search/text_analysis.h"

#include <functional>

namespace verder {

Result<std::unique_ptr<TextAnalysis>> TextAnalysis::LoadDefault(const std::string& data_dir) {
  return Load(data_dir + "/synonyms.txt", "/usr/share/dict/nederlands");
}

Result<std::unique_ptr<TextAnalysis>> TextAnalysis::Load(const std::string& synonyms_path,
                                                         const std::string& word_list_path) {
  VERDER_ASSIGN_OR_RETURN(SynonymTable synonyms, SynonymTable::LoadFile(synonyms_path));
  VERDER_ASSIGN_OR_RETURN(CompoundSplitter compounds,
                          CompoundSplitter::LoadWordList(word_list_path));
  return std::make_unique<TextAnalysis>(std::move(compounds), std::move(synonyms));
}

TextAnalysis::TextAnalysis(CompoundSplitter compounds, SynonymTable synonyms,
                           size_t max_cached_words)
    : compounds_(std::move(compounds)),
      synonyms_(std::move(synonyms)),
      max_per_shard_(max_cached_words / kShards) {}

size_t TextAnalysis::CachedWords(Language language) const {
  auto& shards = language == Language::kDutch ? dutch_cache_ : english_cache_;
  size_t n = 0;
  for (Shard& shard : shards) {
    std::lock_guard lock(shard.mu);
    n += shard.words.size();
  }
  return n;
}

std::string TextAnalysis::Stem(std::string_view folded_token, Language language) const {
  return Analyse(folded_token, language).stem;
}

AnalysedWord TextAnalysis::Analyse(std::string_view folded_token, Language language) const {
  auto& shards = language == Language::kDutch ? dutch_cache_ : english_cache_;
  Shard& shard = shards[std::hash<std::string_view>{}(folded_token) % kShards];
  {
    std::lock_guard lock(shard.mu);
    const auto it = shard.words.find(std::string(folded_token));
    if (it != shard.words.end()) return it->second;
  }
  const Stemmer& stemmer = language == Language::kDutch ? dutch_ : english_;
  AnalysedWord word;
  word.stem = stemmer.Stem(folded_token);
  // Compounds are a Dutch matter; an English word is never split.
  if (language == Language::kDutch) {
    for (const std::string& part : compounds_.Split(folded_token)) {
      word.part_stems.push_back(stemmer.Stem(part));
    }
  }
  std::lock_guard lock(shard.mu);
  // Bounded: a stream of unique garbage queries must not grow the cache without limit.
  if (shard.words.size() < max_per_shard_) shard.words.emplace(std::string(folded_token), word);
  return word;
}

}  // namespace verder
