// search/suggester.h — autocomplete: course titles, occupations and skills that start with
// what a person has typed so far, at the start of any of their words ("kund" → "Verpleegkundige").
//
//   Suggester s(entries);                     // built once; immutable, thread-safe
//   std::vector<Suggestion> v = s.Suggest("verpl", 8);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verder {

struct Suggestion {
  std::string text;    // as shown
  std::string kind;    // "course", "occupation", "skill"
  int64_t weight = 0;  // how many courses carry it (occupations and skills: 0)
};

class Suggester {
 public:
  Suggester() = default;
  // Entries with the same text and kind are merged (weights added).
  explicit Suggester(std::vector<Suggestion> entries);

  // At most `limit` entries whose text has a word starting with `prefix` (folded), the heaviest
  // first; a match at the start of the text ranks above one inside it.
  std::vector<Suggestion> Suggest(std::string_view prefix, size_t limit) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Suggestion> entries_;
  struct Key {
    std::string text;  // folded, from one word of the entry to its end
    uint32_t entry;
    uint32_t word;  // which word the key starts at; 0 is the start of the entry
  };
  std::vector<Key> keys_;  // sorted by text
};

}  // namespace verder
