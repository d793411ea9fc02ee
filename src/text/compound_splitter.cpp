// CompoundSplitter: Dutch compounds against a word list. The list (wdutch, 350,000 words) knows
// many short words, endings and fragments, so most of the rules below keep chance matches out:
// fewest parts first, a last part of four letters or more, no endings or verb prefixes as parts.
#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>

#include "core/file.h"
#include "text/analysis.h"

namespace verder {
namespace {

using text_internal::StringSet;

// The last part decides what the whole is ("zorg|medewerker" is a kind of medewerker); a short
// one is too often a chance match ("kap|per").
constexpr size_t kMinLastPartLength = 4;
// A compound of more parts than this is not a word people write.
constexpr size_t kMaxParts = 5;

// The linking sounds between parts, in the order tried: bedrijf|s|kunde, boek|en|kast,
// bruid|e|gom.
constexpr std::string_view kLinks[] = {"", "s", "en", "e"};

// Nouns with the old plural -eren link with -er-: kind|er|opvang, lied|er|bundel, rund|er|gehakt.
constexpr std::string_view kErLinkedWords[] = {"blad", "kalf", "kind", "lam",
                                               "lied", "rund", "volk"};

// Words of the list that, at the end of a longer word, are a suffix or a fragment, not a part:
// "vriend|schap", "werk|baar", "eer|lijk", "foto|graaf", "manage|ment", "dien|sten". Never a part.
// (wdutch also lists fragments such as "schappelijk" and "logies".)
constexpr std::string_view kEndingWords[] = {
    "aars",  "achtig", "achtige", "atie",        "baar",         "bare",     "cape",   "ding",
    "elijk", "elijke", "ende",    "eren",        "gramme",       "graaf",    "grafie", "heden",
    "heid",  "ieren",  "isch",    "ische",       "isme",         "ismen",    "kets",   "laar",
    "lands", "lende",  "lijk",    "lijke",       "lijken",       "logen",    "logie",  "logies",
    "loog",  "loos",   "loze",    "mate",        "meen",         "ment",     "nissen", "port",
    "rial",  "rials",  "schap",   "schappelijk", "schappelijke", "schappen", "sten",   "ster",
    "sters", "tics",   "ting",    "tjes",        "ware",
};

// Words of the list that, at the start of a longer word, are a prefix or a particle of a verb:
// "ver|koper" is a seller, not a far copper; "ont|wikkeling", "onder|wijs", "mede|werker".
// Never a head. Function words ("aan", "uit", "voor") are excluded as well, by IsStopWord.
constexpr std::string_view kPrefixWords[] = {
    "achter", "her",   "mede",  "mee",   "mis", "neder", "neer",  "onder", "ont",
    "samen",  "tegen", "terug", "trans", "ver", "vol",   "voort", "weder",
};

bool IsOneOf(std::string_view word, const auto& list) {
  for (std::string_view w : list) {
    if (word == w) return true;
  }
  return false;
}

// A word of the list counts as a part only when it is one token of letters: no phrases,
// abbreviations with dots, numbers or names (a capital marks a name, and names such as "Denis" or
// "Anita" made "geschiedenis" and "humanitarian" look like compounds).
void AddListWord(std::string_view raw, StringSet* words) {
  if (raw.size() < CompoundSplitter::kMinPartLength) return;
  if (raw[0] >= 'A' && raw[0] <= 'Z') return;
  for (char c : raw) {
    if (c == ' ' || c == '\'' || c == '-' || c == '.' || (c >= '0' && c <= '9')) return;
  }
  std::string folded = FoldText(raw);
  if (folded.size() < CompoundSplitter::kMinPartLength) return;
  const std::vector<std::string> tokens = Tokenize(folded, 2);
  if (tokens.size() != 1 || tokens[0] != folded) return;
  words->insert(std::move(folded));
}

// Finds the split of one word with the fewest parts and, among those, the longest head.
class PartFinder {
 public:
  // `whole_known`: the word is in the list itself. Such a word is split only into parts of four
  // letters or more: a three-letter head is where chance matches hide (wdutch holds a thousand
  // three-letter words, abbreviations among them: "bed|rijf", "beg|e|leider", "app|licatie").
  PartFinder(const StringSet& words, bool whole_known)
      : words_(words),
        min_head_(whole_known ? kMinLastPartLength : CompoundSplitter::kMinPartLength) {}

  bool Split(std::string_view word, std::vector<std::string_view>* parts) {
    word_begin_ = word.data();
    for (size_t count = 2; count <= kMaxParts; ++count) {
      if (SplitInto(word, count, /*first=*/true, parts)) return true;
    }
    return false;
  }

 private:
  // Splits `rest` (a suffix of the word) into exactly `count` parts, appended to `parts`.
  bool SplitInto(std::string_view rest, size_t count, bool first,
                 std::vector<std::string_view>* parts) {
    if (count == 1) {
      if (!IsLastPart(rest)) return false;
      parts->push_back(rest);
      return true;
    }
    // A suffix is identified by its length: remembering the ones that failed keeps the search
    // polynomial on words like "aaaaaaaaaaaaaaaaaaaa".
    auto& failed = failed_[count];
    if (failed[rest.size()]) return false;
    // Below `first`, a head is a middle part and needs as many letters as a last part.
    const size_t min_head = first ? min_head_ : kMinLastPartLength;
    const size_t min_tail = kMinLastPartLength * (count - 1);
    if (rest.size() < min_head + min_tail) return false;
    for (size_t head = rest.size() - min_tail + 1; head-- > min_head;) {
      const std::string_view h = rest.substr(0, head);
      // An s between two words may link them or start the second: "winkel|slager", not
      // "winkels|lager". When both read as words, the s goes to the second.
      if (h.ends_with('s') && head - 1 >= min_head && IsHead(h.substr(0, head - 1)) &&
          TrySplit(h.substr(0, head - 1), "", rest.substr(head - 1), count, parts)) {
        return true;
      }
      if (!IsHead(h)) continue;
      const std::string_view after = rest.substr(head);
      for (std::string_view link : kLinks) {
        if (TrySplit(h, link, after, count, parts)) return true;
      }
      if (IsOneOf(h, kErLinkedWords) && TrySplit(h, "er", after, count, parts)) return true;
    }
    failed[rest.size()] = true;
    return false;
  }

  bool TrySplit(std::string_view head, std::string_view link, std::string_view after, size_t count,
                std::vector<std::string_view>* parts) {
    if (!after.starts_with(link)) return false;
    // A three-letter head takes no linking sound: "vak|kracht", but not "beg|e|leider".
    if (head.size() < kMinLastPartLength && !link.empty()) return false;
    const std::string_view tail = after.substr(link.size());
    if (tail.size() < kMinLastPartLength * (count - 1)) return false;
    parts->push_back(head);
    if (SplitInto(tail, count - 1, /*first=*/false, parts)) return true;
    parts->pop_back();
    return false;
  }

  bool IsHead(std::string_view part) {
    return Known(part) && !IsOneOf(part, kEndingWords) && !IsOneOf(part, kPrefixWords) &&
           !IsStopWord(part);
  }
  bool IsLastPart(std::string_view part) {
    return part.size() >= kMinLastPartLength && Known(part) && !IsOneOf(part, kEndingWords) &&
           !IsStopWord(part);
  }

  // The search asks about the same substring many times, and a miss in a table of 350,000 words
  // is a cache miss: each answer is looked up once.
  bool Known(std::string_view part) {
    int8_t& known = known_[part.data() - word_begin_][part.size()];
    if (known == 0) known = words_.contains(part) ? 1 : -1;
    return known > 0;
  }

  const StringSet& words_;
  const size_t min_head_;
  const char* word_begin_ = nullptr;
  std::array<std::bitset<kMaxTokenBytes + 1>, kMaxParts + 1> failed_{};  // [count][rest size]
  // [offset][size]: 1 a word, -1 not a word, 0 not asked yet.
  std::array<std::array<int8_t, kMaxTokenBytes + 1>, kMaxTokenBytes + 1> known_{};
};

}  // namespace

Result<CompoundSplitter> CompoundSplitter::LoadWordList(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    return Unavailable("cannot read the Dutch word list " + path +
                       ": install the Debian package wdutch (scripts/install-deps does)");
  }
  CompoundSplitter splitter;
  std::string_view rest = text.value();
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    std::string_view line = rest.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    AddListWord(line, &splitter.words_);
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  if (splitter.words_.empty()) return Unavailable("the Dutch word list " + path + " is empty");
  return splitter;
}

CompoundSplitter CompoundSplitter::FromWords(const std::vector<std::string>& words) {
  CompoundSplitter splitter;
  splitter.words_.reserve(words.size());
  for (const std::string& word : words) AddListWord(word, &splitter.words_);
  return splitter;
}

bool CompoundSplitter::Contains(std::string_view folded_word) const {
  return words_.contains(folded_word);
}

std::vector<std::string> CompoundSplitter::Split(std::string_view folded_word) const {
  // Tokens are at most kMaxTokenBytes; a longer word did not come from Tokenize.
  if (folded_word.size() < 2 * kMinPartLength || folded_word.size() > kMaxTokenBytes) return {};
  std::vector<std::string_view> parts;
  PartFinder finder(words_, Contains(folded_word));
  if (!finder.Split(folded_word, &parts)) return {};
  return {parts.begin(), parts.end()};
}

}  // namespace verder
