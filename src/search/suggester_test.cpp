#include "search/suggester.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

TEST(SuggesterTest, MatchesWordStartsAndRanksStartAndWeight) {
  const Suggester s({{"Verpleegkundige", "course", 40},
                     {"Mbo-Verpleegkundige", "course", 90},
                     {"Verpleegkunde", "course", 10},
                     {"Verpleegkundige", "course", 5},
                     {"verpleegkundige", "occupation", 0},
                     {"Bakker", "course", 100}});
  const std::vector<Suggestion> v = s.Suggest("verpl", 10);
  ASSERT_EQ(v.size(), 4U);
  EXPECT_EQ(v[0].text, "Verpleegkundige");  // starts with it; 40 + 5 merged
  EXPECT_EQ(v[0].weight, 45);
  EXPECT_EQ(v[1].text, "Verpleegkunde");
  EXPECT_EQ(v[3].text, "Mbo-Verpleegkundige");  // inside the text: after those at the start
}

TEST(SuggesterTest, FoldsAccentsAndCaseAndLimits) {
  const Suggester s({{"Café-medewerker", "course", 1}, {"Cafetariamedewerker", "course", 2}});
  EXPECT_EQ(s.Suggest("CAFE", 1).size(), 1U);
  EXPECT_EQ(s.Suggest("café m", 5).size(), 1U);
  EXPECT_TRUE(s.Suggest("", 5).empty());
  EXPECT_TRUE(s.Suggest("zzz", 5).empty());
  EXPECT_TRUE(s.Suggest(std::string("\xFF\xFE", 2), 5).empty());
}

}  // namespace
}  // namespace verder
