#include "web/http.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(HttpTest, DecodesQueryStrings) {
  std::vector<std::pair<std::string, std::string>> q;
  ASSERT_TRUE(ParseQueryString("q=zorg+medewerker&near=3511&x=%C3%A9&empty=&flag", &q));
  ASSERT_EQ(q.size(), 5U);
  EXPECT_EQ(q[0].second, "zorg medewerker");
  EXPECT_EQ(q[2].second, "é");
  EXPECT_EQ(q[3].second, "");
  EXPECT_EQ(q[4].first, "flag");
}

TEST(HttpTest, RejectsMalformedEscapesAndNul) {
  std::string out;
  EXPECT_FALSE(PercentDecode("%", false, &out));
  EXPECT_FALSE(PercentDecode("%4", false, &out));
  EXPECT_FALSE(PercentDecode("%zz", false, &out));
  EXPECT_FALSE(PercentDecode("a%00b", false, &out));
  EXPECT_TRUE(PercentDecode("a+b", false, &out));
  EXPECT_EQ(out, "a+b");
}

}  // namespace
}  // namespace verder
