#include "insight/view_stats.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(ViewStatsTest, MostViewedCountsViewsIncludingStoredOnes) {
  ViewStats stats;
  stats.Load({{{5, 10}, {6, 1}}, {}});
  for (int i = 0; i < 3; ++i) stats.RecordView(6);
  stats.RecordView(7);
  EXPECT_EQ(stats.MostViewed(2), (std::vector<CourseId>{5, 6}));
  EXPECT_EQ(stats.MostViewed(10), (std::vector<CourseId>{5, 6, 7}));
  EXPECT_EQ(stats.MostViewed(10, 4), (std::vector<CourseId>{5, 6}));  // 7 has one view
  EXPECT_EQ(stats.Views(6), 4);
  EXPECT_EQ(stats.Views(99), 0);
}

TEST(ViewStatsTest, AlsoViewedNeedsTheMinimumGroupInBothDirections) {
  ViewStats stats;
  for (int64_t i = 0; i < ViewStats::kMinGroup; ++i) stats.RecordTogether(1, 2);
  stats.RecordTogether(1, 3);  // one person's path: never shown
  stats.RecordTogether(4, 4);  // a course with itself means nothing
  EXPECT_EQ(stats.AlsoViewed(1, 5), (std::vector<CourseId>{2}));
  EXPECT_EQ(stats.AlsoViewed(2, 5), (std::vector<CourseId>{1}));
  EXPECT_TRUE(stats.AlsoViewed(3, 5).empty());
  EXPECT_TRUE(stats.AlsoViewed(4, 5).empty());
}

TEST(ViewStatsTest, PendingHoldsOnlyWhatIsNewAndEmptiesWhenTaken) {
  ViewStats stats;
  stats.Load({{{1, 50}}, {{1, 2, 9}}});
  stats.RecordView(1);
  stats.RecordView(1);
  stats.RecordTogether(2, 1);
  const ViewCounts pending = stats.TakePending();
  ASSERT_EQ(pending.views.size(), 1U);
  EXPECT_EQ(pending.views[0], (std::pair<CourseId, int64_t>{1, 2}));
  ASSERT_EQ(pending.pairs.size(), 1U);
  EXPECT_EQ(pending.pairs[0].a, 1);  // stored as (smaller, larger)
  EXPECT_EQ(pending.pairs[0].b, 2);
  EXPECT_EQ(pending.pairs[0].together, 1);
  EXPECT_TRUE(stats.TakePending().views.empty());
  EXPECT_EQ(stats.Views(1), 52);
}

TEST(ViewStatsTest, PartnersPerCourseAreBounded) {
  ViewStats stats;
  for (CourseId other = 2; other < 2 + static_cast<CourseId>(ViewStats::kMaxPartners) + 50;
       ++other) {
    for (int64_t i = 0; i < ViewStats::kMinGroup; ++i) stats.RecordTogether(1, other);
  }
  EXPECT_EQ(stats.AlsoViewed(1, 1000).size(), ViewStats::kMaxPartners);
}

}  // namespace
}  // namespace verder
