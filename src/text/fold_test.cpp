#include <gtest/gtest.h>
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/analysis.h"

namespace verder {
namespace {

using Tokens = std::vector<std::string>;

std::string Utf8(utf8proc_int32_t cp) {
  std::array<utf8proc_uint8_t, 4> bytes{};
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, bytes.data());
  return {reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(n)};
}

// What FoldText promises, computed the slow, obvious way: utf8proc_map over the whole string.
std::string ReferenceFold(const std::string& valid_utf8) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
      static_cast<utf8proc_ssize_t>(valid_utf8.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  if (n < 0) return "<error>";
  std::string s(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);  // NOLINT(cppcoreguidelines-no-malloc)
  return s;
}

bool IsAssignedScalar(utf8proc_int32_t cp) {
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  const utf8proc_category_t c = utf8proc_category(cp);
  return c != UTF8PROC_CATEGORY_CN && !(c == UTF8PROC_CATEGORY_CO && cp > 0xFFFF);
}

bool IsMark(utf8proc_int32_t cp) {
  const utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

TEST(FoldTest, CaseAndAccentsMeet) {
  EXPECT_EQ(FoldText("Ëxamen  CAFÉ"), "examen  cafe");
  EXPECT_EQ(FoldText("Diëtetiek"), "dietetiek");
  EXPECT_EQ(FoldText("Coördinator Financiële Zaken"), "coordinator financiele zaken");
  EXPECT_EQ(FoldText("crème brûlée"), "creme brulee");
  // Decomposed input (e + combining acute) meets the precomposed form.
  EXPECT_EQ(FoldText("cafe\xCC\x81"), "cafe");
}

TEST(FoldTest, SharpSLigaturesAndFullwidthBecomePlain) {
  EXPECT_EQ(FoldText("Straße"), "strasse");
  EXPECT_EQ(FoldText("ﬁets ﬂuit"), "fiets fluit");
  EXPECT_EQ(FoldText("１２３"), "123");
  EXPECT_EQ(FoldText("Ｎｉｖｅａｕ"), "niveau");
  EXPECT_EQ(FoldText("Ĳssel"), "ijssel");  // the Dutch ij ligature
  EXPECT_EQ(FoldText("a\xC2\xA0"
                     "b"),
            "a b");  // no-break space
}

TEST(FoldTest, InvisibleCharactersVanishInsideWords) {
  EXPECT_EQ(FoldText("verpleeg\xC2\xAD"
                     "kundige"),
            "verpleegkundige");                                         // soft hyphen
  EXPECT_EQ(FoldText("zorg\xE2\x80\x8Bmedewerker"), "zorgmedewerker");  // zero-width space
}

TEST(FoldTest, InvalidBytesAreDroppedNotFatal) {
  EXPECT_EQ(FoldText(std::string("boek\xFF\xFEhouden")), "boekhouden");
  EXPECT_EQ(FoldText(std::string("\xC3", 1)), "");              // truncated sequence
  EXPECT_EQ(FoldText(std::string("caf\xC3\xA9\xC3")), "cafe");  // valid, then truncated
  EXPECT_EQ(FoldText(std::string("a\xC0\xAF"
                                 "b")),
            "ab");  // overlong "/"
  EXPECT_EQ(FoldText(std::string("a\xED\xA0\x80"
                                 "b")),
            "ab");  // UTF-16 surrogate
  EXPECT_EQ(FoldText(std::string("a\xF4\x90\x80\x80"
                                 "b")),
            "ab");  // above U+10FFFF
  EXPECT_EQ(FoldText(std::string(100 * 1024, '\xE9')), "");
}

TEST(FoldTest, AnyBytesGiveValidUtf8) {
  std::mt19937 rng(7);
  std::string bytes(100 * 1024, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  EXPECT_TRUE(IsValidUtf8(FoldText(bytes)));
  const std::string ascii = "Opleiding TOT Verpleegkundige, niveau 4!";
  EXPECT_EQ(FoldText(ascii), "opleiding tot verpleegkundige, niveau 4!");
}

// FoldText folds character by character instead of calling utf8proc_map; this holds it to
// utf8proc_map for every assigned code point, alone, after a letter and doubled.
TEST(FoldTest, MatchesUtf8procForEveryCodePoint) {
  size_t checked = 0;
  for (utf8proc_int32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (!IsAssignedScalar(cp)) continue;
    const std::string c = Utf8(cp);
    for (const std::string& text : {c, "A" + c + "b", c + c}) {
      ASSERT_EQ(FoldText(text), ReferenceFold(text)) << "U+" << std::hex << cp;
    }
    ++checked;
  }
  EXPECT_GT(checked, 100000U);
}

// Why character by character is enough: canonical composition only joins a character to a
// following one that a canonical decomposition ends in. Every such character must be a mark
// (stripped before composition) or a Hangul jamo (FoldText hands those to utf8proc_map).
TEST(FoldTest, OnlyHangulJamoCanComposeOnceMarksAreStripped) {
  for (utf8proc_int32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (!IsAssignedScalar(cp)) continue;
    std::array<utf8proc_int32_t, 32> d{};
    int boundclass = 0;
    const utf8proc_ssize_t n =
        utf8proc_decompose_char(cp, d.data(), d.size(), UTF8PROC_DECOMPOSE, &boundclass);
    ASSERT_GT(n, 0);
    if (n == 1) continue;
    const utf8proc_int32_t last = d[static_cast<size_t>(n) - 1];
    const bool jamo = (last >= 0x1100 && last <= 0x11FF);
    EXPECT_TRUE(IsMark(last) || jamo) << "U+" << std::hex << cp << " ends in U+" << last;
  }
  // And jamo do still compose: a syllable written as two jamo folds to the syllable.
  EXPECT_EQ(FoldText("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // U+1100 U+1161 -> U+AC00
}

TEST(TokenizeTest, PunctuationAndHyphensSeparate) {
  EXPECT_EQ(Tokenize("Zorg- en welzijn, niveau 3"),
            (Tokens{"zorg", "en", "welzijn", "niveau", "3"}));
  EXPECT_EQ(Tokenize("Mbo-Verpleegkundige (BOL)"), (Tokens{"mbo", "verpleegkundige", "bol"}));
  EXPECT_EQ(Tokenize("'s-Hertogenbosch"), (Tokens{"s", "hertogenbosch"}));
  EXPECT_EQ(Tokenize("Bos- en Natuurbeheer/ICT"), (Tokens{"bos", "en", "natuurbeheer", "ict"}));
  EXPECT_EQ(Tokenize("C++ & C#"), (Tokens{"c", "c"}));
  EXPECT_EQ(Tokenize("bbl_bol\t3.5"), (Tokens{"bbl", "bol", "3", "5"}));
  EXPECT_TRUE(Tokenize("!!! ??? ... — «»").empty());
  EXPECT_TRUE(Tokenize("").empty());
}

TEST(TokenizeTest, LettersAndDigitsOfAnyScriptStayTogether) {
  EXPECT_EQ(Tokenize("Engels A2-niveau"), (Tokens{"engels", "a2", "niveau"}));
  EXPECT_EQ(Tokenize("Diëtetiek ÉN Voeding"), (Tokens{"dietetiek", "en", "voeding"}));
  EXPECT_EQ(Tokenize("Ｎｉｖｅａｕ ３"), (Tokens{"niveau", "3"}));
  EXPECT_EQ(Tokenize("Ελληνικά, русский"), (Tokens{"ελληνικα", "русскии"}));
  EXPECT_EQ(Tokenize("日本語コース"), (Tokens{"日本語コース"}));
}

TEST(TokenizeTest, LongTokensAreCutAtACharacterBoundary) {
  const Tokens ascii = Tokenize(std::string(500, 'x') + " kort");
  ASSERT_EQ(ascii.size(), 2U);
  EXPECT_EQ(ascii[0], std::string(kMaxTokenBytes, 'x'));
  EXPECT_EQ(ascii[1], "kort");

  std::string cyrillic;  // 2 bytes a letter
  for (int i = 0; i < 40; ++i) cyrillic += "ж";
  EXPECT_EQ(Tokenize(cyrillic)[0].size(), kMaxTokenBytes);

  std::string cjk;  // 3 bytes a letter: 21 fit
  for (int i = 0; i < 30; ++i) cjk += "語";
  EXPECT_EQ(Tokenize(cjk)[0].size(), 63U);
  EXPECT_TRUE(IsValidUtf8(Tokenize(cjk)[0]));

  // A letter that does not fit ends the token, even when a shorter one after it would.
  EXPECT_EQ(Tokenize(std::string(63, 'x') + "ж" + "y")[0], std::string(63, 'x'));
}

TEST(TokenizeTest, StopsAtMaxTokens) {
  EXPECT_EQ(Tokenize("a b c d e", 3), (Tokens{"a", "b", "c"}));
  EXPECT_TRUE(Tokenize("a b c", 0).empty());
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "woord ";
  EXPECT_EQ(Tokenize(many).size(), 512U);
}

TEST(TokenizeTest, AnyBytesGiveBoundedValidTokens) {
  std::mt19937 rng(11);
  std::string bytes(100 * 1024, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  const Tokens tokens = Tokenize(bytes);
  EXPECT_LE(tokens.size(), 512U);
  for (const std::string& t : tokens) {
    EXPECT_FALSE(t.empty());
    EXPECT_LE(t.size(), kMaxTokenBytes);
    EXPECT_TRUE(IsValidUtf8(t));
  }
}

TEST(StopWordTest, DutchAndEnglishFunctionWords) {
  for (const char* w :
       {"de", "het", "een", "en", "van", "voor", "met", "the", "of", "and", "for"}) {
    EXPECT_TRUE(IsStopWord(w)) << w;
  }
}

TEST(StopWordTest, SubjectsPlacesAndItAreNotStopWords) {
  for (const char* w : {"zorg", "it", "ict", "den", "recht", "nursing", "", "De"}) {
    EXPECT_FALSE(IsStopWord(w)) << w;
  }
}

}  // namespace
}  // namespace verder
