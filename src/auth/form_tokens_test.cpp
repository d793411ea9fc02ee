#include "auth/form_tokens.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

constexpr int64_t kNow = 1'800'000'000;

TEST(FormTokensTest, AFreshTokenVerifiesForItsOwnFormOnly) {
  const FormTokens tokens;
  const std::string t = tokens.Issue("complaint:42", kNow);
  EXPECT_TRUE(tokens.Verify(t, "complaint:42", kNow));
  EXPECT_TRUE(tokens.Verify(t, "complaint:42", kNow + 60 * 60));
  EXPECT_FALSE(tokens.Verify(t, "complaint:43", kNow));
}

TEST(FormTokensTest, OldFutureForgedAndMalformedTokensFail) {
  const FormTokens tokens;
  const std::string t = tokens.Issue("complaint:42", kNow);
  EXPECT_FALSE(tokens.Verify(t, "complaint:42", kNow + FormTokens::kValidSeconds + 120));
  EXPECT_FALSE(tokens.Verify(tokens.Issue("complaint:42", kNow + 3600), "complaint:42", kNow));
  std::string forged = t;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(tokens.Verify(forged, "complaint:42", kNow));
  // Another server's key (or the same server after a restart) does not accept it.
  EXPECT_FALSE(FormTokens().Verify(t, "complaint:42", kNow));
  for (const char* bad : {"", ".", "abc", "123.", "x.deadbeef", "30000000.zz"})
    EXPECT_FALSE(tokens.Verify(bad, "complaint:42", kNow)) << bad;
}

// Found by fuzz/url_form_fuzzer (fuzz/corpus/url_form/token_minute_overflow): the minute of a
// forged token was multiplied by 60 before any check, a signed overflow (undefined behaviour).
TEST(FormTokensTest, HugeOrNegativeMinutesFailWithoutOverflow) {
  const FormTokens tokens;
  for (const char* bad :
       {"200000000000000000.ab", "9223372036854775807.ab", "-9223372036854775808.ab", "-1.ab"}) {
    EXPECT_FALSE(tokens.Verify(bad, "complaint:42", kNow)) << bad;
  }
}

}  // namespace
}  // namespace verder
