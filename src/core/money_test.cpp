#include "core/money.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(MoneyTest, ParsesDecimalStringsExactly) {
  EXPECT_EQ(ParseEuros("1250.50").value(), 125050);
  EXPECT_EQ(ParseEuros("1250.5").value(), 125050);
  EXPECT_EQ(ParseEuros("0.01").value(), 1);
  EXPECT_EQ(ParseEuros("295").value(), 29500);
}

TEST(MoneyTest, RejectsWhatIsNotAPlainAmount) {
  for (const char* bad :
       {"", "-5", "1,50", "1.505", "1.", ".5", "1e3", "12a", "1 000", "99999999999999"}) {
    EXPECT_FALSE(ParseEuros(bad).ok()) << bad;
  }
}

TEST(MoneyTest, FormatsForPeopleAndMachines) {
  EXPECT_EQ(FormatEuros(125050), "1.250,50");
  EXPECT_EQ(FormatEuros(100000), "1.000");
  EXPECT_EQ(FormatEuros(29500), "295");
  EXPECT_EQ(FormatEuros(5), "0,05");
  EXPECT_EQ(FormatEuros(123456789), "1.234.567,89");
  EXPECT_EQ(FormatEurosPlain(125050), "1250.50");
  EXPECT_EQ(FormatEurosPlain(7), "0.07");
}

}  // namespace
}  // namespace verder
