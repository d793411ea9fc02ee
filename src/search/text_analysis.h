// search/text_analysis.h — the analysis the search engine applies to documents and queries,
// built on text/: one object holding the stemmers, the compound word list and the synonyms,
// with a cache of per-word results (most words recur thousands of times in a catalogue).
//
//   std::unique_ptr<TextAnalysis> a = TextAnalysis::LoadDefault("data").value();
//   a->IndexTerms("Verpleegkundige in de wijk", &terms);  // stems, compound parts
//
// Thread-safety: const methods may be called concurrently (the cache is sharded and locked).
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "text/analysis.h"

namespace verder {

// One analysed word: its stem and, for a compound, the stems of its parts.
struct AnalysedWord {
  std::string stem;
  std::vector<std::string> part_stems;  // empty when not a compound
};

class TextAnalysis {
 public:
  // data_dir holds synonyms.txt; the word list is Debian's wdutch (/usr/share/dict/nederlands).
  static Result<std::unique_ptr<TextAnalysis>> LoadDefault(const std::string& data_dir);
  static Result<std::unique_ptr<TextAnalysis>> Load(const std::string& synonyms_path,
                                                    const std::string& word_list_path);
  // At most `max_cached_words` words per language are cached. The default holds a national
  // catalogue's whole vocabulary many times over (the 1M-course demo has well under 100,000
  // distinct words), and bounds what a stream of made-up query words can take: 16 shards of
  // 200,000 each once let a fuzzer's random words pass a gigabyte.
  static constexpr size_t kDefaultMaxCachedWords = 1'000'000;
  TextAnalysis(CompoundSplitter compounds, SynonymTable synonyms,
               size_t max_cached_words = kDefaultMaxCachedWords);

  // Analysis of one folded token (cached). `language` picks the stemmer.
  AnalysedWord Analyse(std::string_view folded_token, Language language) const;
  std::string Stem(std::string_view folded_token, Language language) const;
  const SynonymTable& synonyms() const { return synonyms_; }
  const CompoundSplitter& compounds() const { return compounds_; }
  // Words in the cache of `language` now: for the test of its bound.
  size_t CachedWords(Language language) const;

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, AnalysedWord> words;
  };
  Stemmer dutch_{Language::kDutch};
  Stemmer english_{Language::kEnglish};
  CompoundSplitter compounds_;
  SynonymTable synonyms_;
  size_t max_per_shard_;
  mutable std::array<Shard, kShards> dutch_cache_;
  mutable std::array<Shard, kShards> english_cache_;
};

}  // namespace verder
