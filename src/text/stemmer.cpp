// Stemmer over libstemmer (Snowball), with one Dutch correction.
#include <libstemmer.h>

#include "text/analysis.h"

namespace verder {

struct Stemmer::Impl {
  Language language;
};

namespace {

// An sb_stemmer stems into a buffer it owns, so one handle must not serve two threads at once.
// Each thread opens its own handle per language on first use and closes it when it exits: no lock
// on the indexing path, which stems every word of a million courses from several threads.
sb_stemmer* ThreadStemmer(Language language) {
  struct Handles {
    sb_stemmer* dutch = nullptr;
    sb_stemmer* english = nullptr;
    Handles() = default;
    Handles(const Handles&) = delete;
    Handles& operator=(const Handles&) = delete;
    ~Handles() {
      if (dutch != nullptr) sb_stemmer_delete(dutch);
      if (english != nullptr) sb_stemmer_delete(english);
    }
  };
  thread_local Handles handles;
  sb_stemmer*& handle = language == Language::kDutch ? handles.dutch : handles.english;
  if (handle == nullptr) {
    handle = sb_stemmer_new(language == Language::kDutch ? "dutch" : "english", "UTF_8");
  }
  return handle;
}

bool IsConsonant(char c) {
  return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y';
}

// Snowball's Dutch stemmer undoubles only -kk, -dd and -tt after removing an ending ("bakken" →
// "bak"), so "cursussen" became "cursuss" and never met "cursus"; the same for lessen, klassen and
// wetenschappen. Dutch spelling ends no word on a doubled consonant, so once an ending is gone the
// pair is undoubled whatever the letter. (A loanword like "grill" keeps its pair; only its
// inflected "grillen" loses it, a rare miss against many hits.)
void UndoubleDutch(std::string_view token, std::string* stem) {
  const size_t n = stem->size();
  if (n < 3 || n >= token.size()) return;
  const char last = (*stem)[n - 1];
  if (last == (*stem)[n - 2] && IsConsonant(last)) stem->pop_back();
}

}  // namespace

Stemmer::Stemmer(Language language) : impl_(std::make_unique<Impl>(Impl{language})) {}
Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::Stem(std::string_view folded_token) const {
  sb_stemmer* handle = ThreadStemmer(impl_->language);
  if (handle == nullptr || folded_token.empty()) return std::string(folded_token);
  const sb_symbol* out =
      sb_stemmer_stem(handle, reinterpret_cast<const sb_symbol*>(folded_token.data()),
                      static_cast<int>(folded_token.size()));
  if (out == nullptr) return std::string(folded_token);  // out of memory: the word as it is
  std::string stem(reinterpret_cast<const char*>(out),
                   static_cast<size_t>(sb_stemmer_length(handle)));
  if (impl_->language == Language::kDutch) UndoubleDutch(folded_token, &stem);
  return stem;
}

}  // namespace verder
