#include "web/rate_limiter.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(RateLimiterTest, AllowsTheLimitPerWindowThenSaysHowLongToWait) {
  RateLimiter limiter({.requests = 3, .window_seconds = 600});
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(limiter.Check("10.0.0.1", 1000 + i));
  const std::optional<int> wait = limiter.Check("10.0.0.1", 1100);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 500);                          // the window started at 1000 and lasts 600 s
  EXPECT_FALSE(limiter.Check("10.0.0.2", 1100));  // another client has its own window
  EXPECT_FALSE(limiter.Check("10.0.0.1", 1600));  // a new window
}

TEST(RateLimiterTest, ZeroMeansNoLimit) {
  RateLimiter limiter({.requests = 0, .window_seconds = 60});
  for (int i = 0; i < 1000; ++i) ASSERT_FALSE(limiter.Check("a", 1));
}

TEST(RateLimiterTest, AFullTableForgetsExpiredClientsFirst) {
  RateLimiter limiter({.requests = 1, .window_seconds = 10}, 2);
  EXPECT_FALSE(limiter.Check("a", 0));
  EXPECT_FALSE(limiter.Check("b", 5));
  // "a" has expired by 12: it is dropped to make room, "b" keeps its count.
  EXPECT_FALSE(limiter.Check("c", 12));
  EXPECT_TRUE(limiter.Check("b", 13));
}

}  // namespace
}  // namespace verder
