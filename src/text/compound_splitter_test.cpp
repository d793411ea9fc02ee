#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "text/analysis.h"

namespace verder {
namespace {

using Parts = std::vector<std::string>;

TEST(CompoundSplitterTest, SplitsIntoKnownWords) {
  const CompoundSplitter s = CompoundSplitter::FromWords({"zorg", "medewerker", "boek", "houder"});
  EXPECT_EQ(s.Split("zorgmedewerker"), (Parts{"zorg", "medewerker"}));
  EXPECT_EQ(s.Split("boekhouder"), (Parts{"boek", "houder"}));
  EXPECT_TRUE(s.Contains("zorg"));
  EXPECT_FALSE(s.Contains("zorgmedewerker"));
}

TEST(CompoundSplitterTest, AllowsTheLinkingSounds) {
  const CompoundSplitter s = CompoundSplitter::FromWords(
      {"bedrijf", "kunde", "boek", "kast", "paard", "stal", "kind", "opvang", "werk"});
  EXPECT_EQ(s.Split("bedrijfskunde"), (Parts{"bedrijf", "kunde"}));  // -s-
  EXPECT_EQ(s.Split("boekenkast"), (Parts{"boek", "kast"}));         // -en-
  EXPECT_EQ(s.Split("paardestal"), (Parts{"paard", "stal"}));        // -e-
  EXPECT_EQ(s.Split("kinderopvang"), (Parts{"kind", "opvang"}));     // -er- after kind
  // -er- links only the few nouns with the plural -eren, and nothing else links.
  EXPECT_TRUE(s.Split("werkeropvang").empty());
  EXPECT_TRUE(s.Split("bedrijfxkunde").empty());
}

TEST(CompoundSplitterTest, SplitsThreePartsWhenTwoDoNotFit) {
  const CompoundSplitter three = CompoundSplitter::FromWords({"gezondheid", "zorg", "medewerker"});
  EXPECT_EQ(three.Split("gezondheidszorgmedewerker"), (Parts{"gezondheid", "zorg", "medewerker"}));
  // With the middle compound known, the split with fewer parts wins.
  const CompoundSplitter two =
      CompoundSplitter::FromWords({"gezondheid", "zorg", "gezondheidszorg", "medewerker"});
  EXPECT_EQ(two.Split("gezondheidszorgmedewerker"), (Parts{"gezondheidszorg", "medewerker"}));
}

TEST(CompoundSplitterTest, PrefersTheLongestHead) {
  const CompoundSplitter s =
      CompoundSplitter::FromWords({"werk", "werktuig", "tuigbouw", "bouw", "kunde"});
  EXPECT_EQ(s.Split("werktuigbouwkunde"), (Parts{"werktuig", "bouw", "kunde"}));
}

TEST(CompoundSplitterTest, AnSGoesToTheTailWhenBothReadAsWords) {
  const CompoundSplitter s =
      CompoundSplitter::FromWords({"winkel", "winkels", "slager", "lager", "beroeps", "onderwijs"});
  EXPECT_EQ(s.Split("winkelslager"), (Parts{"winkel", "slager"}));
  EXPECT_EQ(s.Split("beroepsonderwijs"), (Parts{"beroeps", "onderwijs"}));
}

TEST(CompoundSplitterTest, NonCompoundsStayWhole) {
  const CompoundSplitter s = CompoundSplitter::FromWords({"zorg", "medewerker", "werker"});
  EXPECT_TRUE(s.Split("medewerker").empty());  // a word, but "mede" is not
  EXPECT_TRUE(s.Split("xyzabcdef").empty());
  EXPECT_TRUE(s.Split("zorgx").empty());  // shorter than two parts
  EXPECT_TRUE(s.Split("zorgzorg").size() == 2);
  EXPECT_TRUE(s.Split("").empty());
  EXPECT_TRUE(s.Split(std::string(65, 'a')).empty());  // longer than any token
}

TEST(CompoundSplitterTest, EndingsAreNotParts) {
  // wdutch lists these endings as words of their own.
  const CompoundSplitter s = CompoundSplitter::FromWords(
      {"zorg", "vriend", "schap", "werk", "baar", "gezond", "heid", "doel", "loos", "manage",
       "ment", "foto", "graaf", "eer", "lijk", "alge", "meen"});
  for (const char* word : {"zorgen", "zorging", "vriendschap", "werkbaar", "gezondheid", "doelloos",
                           "management", "fotograaf", "eerlijk", "algemeen"}) {
    EXPECT_TRUE(s.Split(word).empty()) << word;
  }
}

TEST(CompoundSplitterTest, PrefixesAndFunctionWordsAreNotHeads) {
  const CompoundSplitter s =
      CompoundSplitter::FromWords({"ver", "koper", "ont", "wikkeling", "onder", "wijs", "mede",
                                   "werker", "wel", "zijn", "voor", "lichting", "zorg"});
  for (const char* word :
       {"verkoper", "ontwikkeling", "onderwijs", "medewerker", "welzijn", "voorlichting"}) {
    EXPECT_TRUE(s.Split(word).empty()) << word;
  }
  EXPECT_EQ(s.Split("zorgwerker"), (Parts{"zorg", "werker"}));
}

TEST(CompoundSplitterTest, ThreeLetterHeadsAreCautious) {
  const CompoundSplitter s = CompoundSplitter::FromWords(
      {"vak", "kracht", "bed", "rijf", "bedrijf", "beg", "leider", "weg", "vervoer"});
  EXPECT_EQ(s.Split("vakkracht"), (Parts{"vak", "kracht"}));
  EXPECT_EQ(s.Split("wegvervoer"), (Parts{"weg", "vervoer"}));
  EXPECT_TRUE(s.Split("bedrijf").empty());     // a known word splits only into longer parts
  EXPECT_TRUE(s.Split("begeleider").empty());  // a short head takes no linking sound
}

TEST(CompoundSplitterTest, ListWordsAreFoldedAndFiltered) {
  const CompoundSplitter s = CompoundSplitter::FromWords(
      {"Café", "café", "Anita", "sociaal werk", "a4-tje", "zo'n", "mp3", "ab", "e.g.", "één"});
  EXPECT_TRUE(s.Contains("cafe"));
  EXPECT_TRUE(s.Contains("een"));
  EXPECT_FALSE(s.Contains("anita"));  // a name
  EXPECT_FALSE(s.Contains("sociaal werk"));
  EXPECT_EQ(s.size(), 2U);
}

TEST(CompoundSplitterTest, RepetitiveWordsStayCheap) {
  const CompoundSplitter s = CompoundSplitter::FromWords({"aaa", "aaaa", "aaaaa"});
  // Without memoisation this search is exponential; it must simply finish.
  EXPECT_FALSE(s.Split(std::string(20, 'a')).empty());
  EXPECT_TRUE(s.Split(std::string(64, 'a')).empty());  // more than five parts
}

TEST(CompoundSplitterTest, MissingWordListIsUnavailable) {
  const Result<CompoundSplitter> s = CompoundSplitter::LoadWordList("/nonexistent/nederlands");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(s.error().message.find("wdutch"), std::string::npos);
}

TEST(CompoundSplitterTest, RealWordListSplitsCourseWords) {
  const std::string path = "/usr/share/dict/nederlands";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "the Debian package wdutch is not installed";
  const Result<CompoundSplitter> loaded = CompoundSplitter::LoadWordList(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const CompoundSplitter& s = loaded.value();
  EXPECT_GT(s.size(), 300000U);
  EXPECT_EQ(s.Split("zorgmedewerker"), (Parts{"zorg", "medewerker"}));
  EXPECT_EQ(s.Split("bedrijfskunde"), (Parts{"bedrijf", "kunde"}));
  EXPECT_EQ(s.Split("kinderopvang"), (Parts{"kind", "opvang"}));
  EXPECT_EQ(s.Split("jeugdzorg"), (Parts{"jeugd", "zorg"}));
  EXPECT_EQ(s.Split("tandartsassistent"), (Parts{"tandarts", "assistent"}));
  EXPECT_EQ(s.Split("winkelslager"), (Parts{"winkel", "slager"}));
  EXPECT_EQ(s.Split("basislasser"), (Parts{"basis", "lasser"}));
  EXPECT_EQ(s.Split("gezondheidszorgmedewerker"), (Parts{"gezondheidszorg", "medewerker"}));
  for (const char* word : {"medewerker", "bedrijf", "ontwikkeling", "verkoper", "opleiding",
                           "geschiedenis", "welzijn", "gezondheid", "onderwijs", "begeleider",
                           "management", "beveiliger", "secretaresse", "allround"}) {
    EXPECT_TRUE(s.Split(word).empty()) << word;
  }
}

}  // namespace
}  // namespace verder
