// search/ranking.h — every number that decides an order, in one place, with why.
//
// Relevance is BM25F over weighted fields; on top sit a few small, explained boosts. Quality
// marks are deliberately NOT a boost: the platform "vergelijkt niet de kwaliteit van opleidingen
// (geen ranking)" (source 002, L1265) — quality is shown and filterable, never ranked.
#pragma once

namespace verder::ranking {

// BM25F field weights: a word in the title says most about what a course is.
constexpr float kTitleWeight = 3.0F;
constexpr float kSkillsOccupationsWeight = 2.0F;  // what it teaches and leads to
constexpr float kDescriptionWeight = 1.0F;
constexpr float kProviderWeight = 0.5F;  // "roc amsterdam" should find its courses, a little
constexpr float kPlaceWeight = 0.5F;     // "kok rotterdam"
// A compound's part counts for less than the whole word ("zorg" inside "zorgmedewerker").
constexpr float kCompoundPartFactor = 0.5F;

constexpr float kK1 = 1.2F;
constexpr float kB = 0.75F;

// How much a query word's variants count relative to the word as typed. Exact matches rank
// above corrected ones: a typo correction is worth clearly less than the real word.
constexpr float kExactVariant = 1.0F;
constexpr float kEnglishStemVariant = 0.9F;
constexpr float kSynonymVariant = 0.8F;
constexpr float kCompoundPartsVariant = 0.8F;
constexpr float kPrefixVariant = 0.7F;
constexpr float kTypoOneEdit = 0.45F;
constexpr float kTypoTwoEdits = 0.3F;

// Two query words next to each other in the title (a phrase) add this share of their score.
constexpr float kTitleBigramBoost = 1.0F;
// A course starting within four weeks gets a small nudge: people look for something they can
// begin soon. Small enough never to lift a weak text match over a strong one.
constexpr float kStartsSoonBoost = 0.05F;
constexpr int kStartsSoonDays = 28;
// Synthetic demo courses yield to real ones when the text match is otherwise equal.
constexpr float kDemoFactor = 0.98F;

// Typo tolerance: 1 edit from 5 letters, 2 from 9 (issue 4).
constexpr int kOneEditMinLength = 5;
constexpr int kTwoEditsMinLength = 9;
// Typo variants are only tried for words the index (nearly) does not know.
constexpr int kTypoOnlyBelowDocFrequency = 3;
// Prefix expansion of the last word: at most this many completions, the most frequent first.
constexpr int kMaxPrefixExpansions = 40;
constexpr int kMinPrefixLength = 2;

}  // namespace verder::ranking
