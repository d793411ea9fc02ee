// IsStopWord: a fixed, sorted list searched by bisection, so there is nothing to build or lock.
#include <algorithm>
#include <iterator>
#include <string_view>

#include "text/analysis.h"

namespace verder {
namespace {

// Folded Dutch and English function words: they say nothing about what a course teaches, and
// dropping them keeps "opleiding tot verpleegkundige" and "verpleegkundige" close. Not "it", which
// in a Dutch title is the field ("IT-beheer"), and nothing that is also a subject or a place
// ("den" as in Den Haag).
constexpr std::string_view kStopWords[] = {
    "a",    "aan",    "about", "al",     "alle",  "als",  "an",   "and",  "are",   "as",   "at",
    "be",   "been",   "bij",   "but",    "by",    "dan",  "dat",  "de",   "der",   "des",  "deze",
    "die",  "dit",    "door",  "dus",    "een",   "en",   "er",   "for",  "from",  "geen", "had",
    "has",  "have",   "heb",   "hebben", "heeft", "het",  "hier", "hij",  "hoe",   "hun",  "ik",
    "in",   "into",   "is",    "je",     "jij",   "jouw", "kan",  "maar", "me",    "met",  "mij",
    "mijn", "na",     "naar",  "niet",   "nog",   "nu",   "of",   "om",   "on",    "ons",  "ook",
    "op",   "or",     "our",   "over",   "te",    "ten",  "ter",  "than", "that",  "the",  "their",
    "then", "these",  "this",  "those",  "to",    "toe",  "tot",  "u",    "uit",   "uw",   "van",
    "voor", "want",   "was",   "wat",    "we",    "wel",  "werd", "were", "which", "wie",  "wij",
    "with", "worden", "wordt", "you",    "your",  "zal",  "ze",   "zich", "zij",   "zijn", "zo",
    "zou",
};
static_assert(std::is_sorted(std::begin(kStopWords), std::end(kStopWords)),
              "kStopWords must stay sorted for binary_search");

}  // namespace

std::vector<std::string_view> StopWords() { return {std::begin(kStopWords), std::end(kStopWords)}; }

bool IsStopWord(std::string_view folded_token) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), folded_token);
}

}  // namespace verder
