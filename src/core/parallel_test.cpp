#include "core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace verder {
namespace {

TEST(ParallelTest, SlicesCoverTheRangeOnceInOrder) {
  for (const size_t n : {0UL, 1UL, 7UL, 1000UL, 100003UL}) {
    std::vector<std::atomic<int>> seen(n);
    std::vector<std::pair<size_t, size_t>> bounds(SliceCount(n, 10));
    ForEachSlice(n, 10, [&](size_t slice, size_t begin, size_t end) {
      bounds[slice] = {begin, end};
      for (size_t i = begin; i < end; ++i) ++seen[i];
    });
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i].load(), 1) << "n=" << n << " i=" << i;
    EXPECT_EQ(bounds.front().first, 0U);
    EXPECT_EQ(bounds.back().second, n);
    for (size_t s = 1; s < bounds.size(); ++s) EXPECT_EQ(bounds[s].first, bounds[s - 1].second);
  }
}

TEST(ParallelTest, SmallJobsStayOnOneSlice) {
  EXPECT_EQ(SliceCount(0, 100), 1U);
  EXPECT_EQ(SliceCount(199, 100), 1U);
  EXPECT_LE(SliceCount(1'000'000, 100), 8U);
}

TEST(ParallelTest, AnExceptionInAnySliceReachesTheCaller) {
  const size_t n = 100000;
  const size_t last_slice = SliceCount(n, 1) - 1;
  EXPECT_THROW(ForEachSlice(n, 1,
                            [&](size_t slice, size_t, size_t) {
                              if (slice == last_slice) throw std::runtime_error("slice failed");
                            }),
               std::runtime_error);
}

}  // namespace
}  // namespace verder
