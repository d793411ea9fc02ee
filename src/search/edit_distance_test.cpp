#include "search/edit_distance.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(EditDistanceTest, CountsInsertDeleteSubstituteAndSwap) {
  EXPECT_EQ(BoundedEditDistance("kapper", "kapper", 2), 0);
  EXPECT_EQ(BoundedEditDistance("kaper", "kapper", 2), 1);    // insert
  EXPECT_EQ(BoundedEditDistance("kappper", "kapper", 2), 1);  // delete
  EXPECT_EQ(BoundedEditDistance("kepper", "kapper", 2), 1);   // substitute
  EXPECT_EQ(BoundedEditDistance("kpaper", "kapper", 2), 1);   // swap neighbours
  EXPECT_EQ(BoundedEditDistance("verplegkunde", "verpleegkundig", 3), 3);
}

TEST(EditDistanceTest, StopsEarlyBeyondTheBound) {
  EXPECT_EQ(BoundedEditDistance("informatica", "boekhouden", 2), 3);
  EXPECT_EQ(BoundedEditDistance("a", "abcdef", 1), 2);
  EXPECT_EQ(BoundedEditDistance("", "ab", 2), 2);
}

}  // namespace
}  // namespace verder
