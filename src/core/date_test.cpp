#include "core/date.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(DateTest, ParsesAndFormatsRoundTrip) {
  const Result<Date> d = Date::Parse("2021-10-01");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value().year(), 2021);
  EXPECT_EQ(d.value().month(), 10);
  EXPECT_EQ(d.value().day(), 1);
  EXPECT_EQ(d.value().ToString(), "2021-10-01");
  EXPECT_EQ((d.value() + 31).ToString(), "2021-11-01");
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29").ok());
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_FALSE(Date::Parse("2024-13-01").ok());
  EXPECT_FALSE(Date::Parse("2024-1-01").ok());
  EXPECT_FALSE(Date::Parse("01-01-2024").ok());
  EXPECT_FALSE(Date::Parse("2024-01-01T00:00").ok());
  EXPECT_FALSE(Date::Parse("").ok());
}

TEST(DateTest, DaysSinceEpochMatchesUnixTime) {
  EXPECT_EQ(Date::Parse("1970-01-01").value().days_since_epoch(), 0);
  EXPECT_EQ(Date::Parse("2000-03-01").value().days_since_epoch(), 11017);
  EXPECT_EQ(Date::Parse("2024-01-01").value() - Date::Parse("2023-12-31").value(), 1);
}

TEST(DateTest, AgeCountsWholeYearsOnTheBirthday) {
  const Date birth = Date::Parse("2004-06-15").value();
  EXPECT_EQ(YearsBetween(birth, Date::Parse("2022-06-14").value()), 17);
  EXPECT_EQ(YearsBetween(birth, Date::Parse("2022-06-15").value()), 18);
}

TEST(DateTest, FixedClockGivesTodayAndUtcText) {
  FixedClock clock(1'700'000'000);
  EXPECT_EQ(clock.Today().ToString(), "2023-11-14");
  EXPECT_EQ(FormatUtc(clock.NowUnixSeconds()), "2023-11-14T22:13:20Z");
  clock.Advance(86400);
  EXPECT_EQ(clock.Today().ToString(), "2023-11-15");
}

}  // namespace
}  // namespace verder
