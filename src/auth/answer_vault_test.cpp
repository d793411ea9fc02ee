#include "auth/answer_vault.h"

#include <gtest/gtest.h>

#include <set>

namespace verder {
namespace {

constexpr const char* kAnswers = "age=30&education=mbo-4&work=employee-permanent&postcode=3511";

TEST(AnswerVaultTest, CodesAreRandomShownInGroupsAndReadBackHoweverTyped) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string shown = NewSaveCode();
    ASSERT_EQ(shown.size(), 19u) << shown;  // 16 characters and 3 dashes
    EXPECT_EQ(shown[4], '-');
    const std::optional<std::string> code = ParseSaveCode(shown);
    ASSERT_TRUE(code.has_value()) << shown;
    EXPECT_EQ(FormatSaveCode(*code), shown);
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 100u);
  // Capitals, spaces, no dashes, and the look-alikes 0 and 1 for o and l.
  EXPECT_EQ(ParseSaveCode(" ABCD efgh-IJKL mnop "), "abcdefghijklmnop");
  EXPECT_EQ(ParseSaveCode("abcd-efgh-ijk1-0nop"), "abcdefghijklonop");
  for (const char* bad : {"", "abcd", "abcd-efgh-ijkl-mnop-q", "abcd-efgh-ijkl-mno8",
                          "abcd-efgh-ijkl-mn<p", "ábcd-efgh-ijkl-mnop"}) {
    EXPECT_FALSE(ParseSaveCode(bad).has_value()) << bad;
  }
}

TEST(AnswerVaultTest, OnlyTheRightCodeOpensTheAnswersAndTheStoredFormRevealsNothing) {
  const std::string code = *ParseSaveCode(NewSaveCode());
  const std::string sealed = SealAnswers(code, kAnswers);
  EXPECT_EQ(OpenAnswers(code, sealed), kAnswers);
  // Neither the lookup nor the sealed text holds the code or the answers.
  const std::string lookup = SaveCodeLookup(code);
  EXPECT_EQ(lookup.size(), 64u);
  EXPECT_EQ(lookup, SaveCodeLookup(code));
  for (const std::string& stored : {lookup, sealed}) {
    EXPECT_EQ(stored.find(code), std::string::npos);
    EXPECT_EQ(stored.find("3511"), std::string::npos);
    EXPECT_EQ(stored.find(std::string("mbo-4")), std::string::npos);
  }
  // A fresh nonce each time: the same answers never seal the same way.
  EXPECT_NE(SealAnswers(code, kAnswers), sealed);
  // Another code, a changed byte, a cut or non-hex text: nothing opens.
  const std::string other = *ParseSaveCode(NewSaveCode());
  EXPECT_NE(SaveCodeLookup(other), lookup);
  EXPECT_FALSE(OpenAnswers(other, sealed).has_value());
  std::string changed = sealed;
  changed[changed.size() - 1] = changed.back() == '0' ? '1' : '0';
  EXPECT_FALSE(OpenAnswers(code, changed).has_value());
  EXPECT_FALSE(OpenAnswers(code, sealed.substr(0, 40)).has_value());
  EXPECT_FALSE(OpenAnswers(code, "zz").has_value());
  EXPECT_FALSE(OpenAnswers(code, "").has_value());
}

}  // namespace
}  // namespace verder
