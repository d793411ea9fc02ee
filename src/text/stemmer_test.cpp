#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/analysis.h"

namespace verder {
namespace {

// Every word of a row must stem the same.
void ExpectSameStem(const Stemmer& stemmer, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    EXPECT_EQ(stemmer.Stem(w), stemmer.Stem(words[0])) << w << " vs " << words[0];
  }
}

TEST(StemmerTest, DutchPersonAndSubjectMeetWithSnowballAlone) {
  const Stemmer nl(Language::kDutch);
  ExpectSameStem(nl, {"verpleegkunde", "verpleegkundige", "verpleegkundigen", "verpleegkundig"});
  ExpectSameStem(nl, {"bouwkunde", "bouwkundige"});
  ExpectSameStem(nl, {"verloskunde", "verloskundige"});
  ExpectSameStem(nl, {"geneeskunde", "geneeskundige"});
  // No extra -ig rule is needed, and none cuts words that merely end in -ig.
  EXPECT_EQ(nl.Stem("vaardig"), "vaardig");
  EXPECT_EQ(nl.Stem("handig"), "handig");
}

TEST(StemmerTest, DutchPluralsMeetTheirSingulars) {
  const Stemmer nl(Language::kDutch);
  ExpectSameStem(nl, {"opleiding", "opleidingen"});
  ExpectSameStem(nl, {"boekhouder", "boekhouders"});
  ExpectSameStem(nl, {"kapper", "kappers"});
  ExpectSameStem(nl, {"kok", "koks"});
  ExpectSameStem(nl, {"leraar", "leraren"});
  ExpectSameStem(nl, {"medewerker", "medewerkers"});
  ExpectSameStem(nl, {"vaardigheid", "vaardigheden"});
}

TEST(StemmerTest, DutchDoubledConsonantIsUndoubledAfterAnEnding) {
  const Stemmer nl(Language::kDutch);
  ExpectSameStem(nl, {"cursus", "cursussen"});
  ExpectSameStem(nl, {"les", "lessen"});
  ExpectSameStem(nl, {"klas", "klassen"});
  ExpectSameStem(nl, {"wetenschap", "wetenschappen"});
  ExpectSameStem(nl, {"communicatiewetenschap", "communicatiewetenschappen"});
  ExpectSameStem(nl, {"bakken", "bak"});  // Snowball's own -kk rule still holds
  // A word that lost no ending keeps its pair.
  EXPECT_EQ(nl.Stem("grill"), "grill");
  EXPECT_EQ(nl.Stem("jazz"), "jazz");
}

TEST(StemmerTest, EnglishFormsMeet) {
  const Stemmer en(Language::kEnglish);
  ExpectSameStem(en, {"nursing", "nurses", "nurse"});
  ExpectSameStem(en, {"teacher", "teachers"});
  ExpectSameStem(en, {"accounting", "accounts"});
  // English keeps doubled letters: the Dutch rule is Dutch only.
  EXPECT_EQ(en.Stem("grass"), "grass");
}

TEST(StemmerTest, OddInputComesBackWhole) {
  const Stemmer nl(Language::kDutch);
  EXPECT_EQ(nl.Stem(""), "");
  EXPECT_EQ(nl.Stem("2024"), "2024");
  EXPECT_EQ(nl.Stem("ελληνικα"), "ελληνικα");
  EXPECT_FALSE(nl.Stem(std::string(10000, 'a')).empty());
}

TEST(StemmerTest, MovedStemmerKeepsWorking) {
  Stemmer a(Language::kDutch);
  Stemmer b = std::move(a);
  EXPECT_EQ(b.Stem("opleidingen"), "opleid");
  Stemmer c(Language::kEnglish);
  c = std::move(b);
  EXPECT_EQ(c.Stem("opleidingen"), "opleid");
}

TEST(StemmerTest, ManyThreadsGetTheSameStems) {
  const Stemmer nl(Language::kDutch);
  const Stemmer en(Language::kEnglish);
  const std::vector<std::string> words = {"verpleegkundigen", "opleidingen", "cursussen",
                                          "boekhouders",      "nursing",     "teachers"};
  std::vector<std::string> expected;
  expected.reserve(words.size());
  for (const std::string& w : words) expected.push_back(nl.Stem(w) + "/" + en.Stem(w));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        for (size_t i = 0; i < words.size(); ++i) {
          if (nl.Stem(words[i]) + "/" + en.Stem(words[i]) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace verder
