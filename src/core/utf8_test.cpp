#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace verder {
namespace {

TEST(Utf8Test, AcceptsDutchAndOtherScripts) {
  EXPECT_TRUE(IsValidUtf8("Verpleegkundige Zoë café"));
  EXPECT_TRUE(IsValidUtf8("с-Херенберг 🎓"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_EQ(CountCodePoints("Zoë"), 3U);
}

TEST(Utf8Test, RejectsMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8(std::string("\xC3", 1)));              // truncated
  EXPECT_FALSE(IsValidUtf8(std::string("\xC0\xAF", 2)));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8(std::string("\xED\xA0\x80", 3)));      // surrogate
  EXPECT_FALSE(IsValidUtf8(std::string("\xF4\x90\x80\x80", 4)));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8(std::string("abc\xFF", 4)));
}

TEST(Utf8Test, ReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(ReplaceInvalidUtf8("café"), "café");
  EXPECT_EQ(ReplaceInvalidUtf8(std::string("a\xFF\xFE"
                                           "b",
                                           4)),
            "a\uFFFD\uFFFDb");
  EXPECT_EQ(ReplaceInvalidUtf8(std::string("\xC3", 1)), "\uFFFD");  // truncated
  EXPECT_EQ(ReplaceInvalidUtf8(std::string("\xED\xA0\x80z", 4)), "\uFFFD\uFFFD\uFFFDz");
  EXPECT_TRUE(IsValidUtf8(ReplaceInvalidUtf8(std::string("\xF4\x90\x80\x80\xC3\xA9", 6))));
}

}  // namespace
}  // namespace verder
