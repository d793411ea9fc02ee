// text/analysis.h — Dutch- and English-aware text analysis for search.
//
// The building blocks turn what people type, and what courses say, into comparable terms:
//   FoldText("Ëxamen  Café") == "examen  cafe"           (NFKC, case fold, accents removed)
//   Tokenize("Zorg- en welzijn, niveau 3") == {"zorg", "en", "welzijn", "niveau", "3"}
//   IsStopWord("de") == true
//   Stemmer(Language::kDutch).Stem("verpleegkundige") == Stem("verpleegkunde")
//   splitter.Split("zorgmedewerker") == {"zorg", "medewerker"}
//   synonyms.Lookup("ict") contains "informatica"
//
// Everything accepts any bytes: invalid UTF-8 is dropped, never a crash. Thread-safety: all
// functions and const methods may be called from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "text/internal/string_hash.h"

namespace verder {

enum class Language { kDutch, kEnglish };

// NFKC, case folding and removal of diacritics (utf8proc), so "Café", "CAFE" and "café" meet.
// Invalid UTF-8 sequences are dropped. Output is valid UTF-8.
std::string FoldText(std::string_view text);

// Folds, then splits into tokens: maximal runs of letters and digits (Unicode-aware). Hyphens,
// apostrophes and other punctuation separate tokens. Tokens longer than kMaxTokenBytes are cut
// (at a character boundary); at most `max_tokens` tokens are returned.
constexpr size_t kMaxTokenBytes = 64;
std::vector<std::string> Tokenize(std::string_view text, size_t max_tokens = 512);

// Dutch and English function words ("de", "het", "een", "en", "van", "the", "of", ...), folded.
bool IsStopWord(std::string_view folded_token);
// The whole list, sorted (for peers in the benchmarks that take a stop list).
std::vector<std::string_view> StopWords();

// Snowball stemmer (libstemmer) for one language. For Dutch one step is added: a doubled final
// consonant left behind by an ending is undoubled, so "cursussen" meets "cursus".
class Stemmer {
 public:
  explicit Stemmer(Language language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string Stem(std::string_view folded_token) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits Dutch compounds against a word list (Debian `wdutch`: /usr/share/dict/nederlands),
// allowing the linking sounds -s-, -e(n)- and -er- ("kind-er-opvang"): "zorgmedewerker" → {"zorg",
// "medewerker"}, "bedrijfskunde" → {"bedrijf", "kunde"}. Parts are at least kMinPartLength letters,
// a middle or last part at least four; the split with the fewest parts wins.
class CompoundSplitter {
 public:
  static constexpr size_t kMinPartLength = 3;
  static Result<CompoundSplitter> LoadWordList(const std::string& path);
  static CompoundSplitter FromWords(const std::vector<std::string>& words);
  CompoundSplitter() = default;

  // The parts, in order, when `folded_word` is a compound of known words; empty otherwise.
  std::vector<std::string> Split(std::string_view folded_word) const;
  bool Contains(std::string_view folded_word) const;
  size_t size() const { return words_.size(); }

 private:
  text_internal::StringSet words_;  // folded
};

// Groups of equivalent words or phrases, one group a line: "ict, informatica, it".
// Lines starting with '#' and empty lines are ignored. Lookup is on folded text.
class SynonymTable {
 public:
  // Errors name the line: "line 12: a group needs at least two entries".
  static Result<SynonymTable> Parse(std::string_view text);
  static Result<SynonymTable> LoadFile(const std::string& path);

  // Every other member of the groups `folded_phrase` belongs to; empty when none. A phrase is its
  // tokens joined by single spaces: the entry "HBO-V" is found as "hbo v".
  const std::vector<std::string>& Lookup(std::string_view folded_phrase) const;
  // The longest phrase in the table, in tokens (to look up multi-word phrases in a query).
  size_t max_phrase_tokens() const { return max_phrase_tokens_; }

 private:
  text_internal::StringMap<std::vector<std::string>> equivalents_;  // folded phrase -> others
  size_t max_phrase_tokens_ = 1;
};

}  // namespace verder
