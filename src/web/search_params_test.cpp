#include "web/search_params.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

GeoIndex Geo() {
  ReferenceData d;
  d.regions = {{1, "Groot Amsterdam"}, {2, "Midden-Utrecht"}};
  d.municipalities = {{"0344", "Utrecht", "Utrecht", 2}};
  d.postcodes = {{"3511", 52.09, 5.11, "Utrecht", "0344"}};
  return GeoIndex(std::move(d));
}

constexpr int32_t kTodayDays = 20415;  // 2025-11-23

TEST(SearchParamsTest, ParsesEveryParameter) {
  const GeoIndex geo = Geo();
  const QueryParams params = {{"q", "zorg"},
                              {"region", "1,2"},
                              {"near", "3511"},
                              {"radius_km", "25"},
                              {"price_min", "10"},
                              {"price_max", "499.95"},
                              {"level", "mbo-2"},
                              {"level", "mbo-3"},
                              {"mode", "online,blended"},
                              {"lang", "nl"},
                              {"start_from", "2026-01-01"},
                              {"start_to", "2026-06-30"},
                              {"funding", "stap,ocw"},
                              {"provider", "7"},
                              {"duration_max", "12"},
                              {"load_max", "40"},
                              {"demo", "0"},
                              {"sort", "distance"},
                              {"page", "2"},
                              {"per_page", "20"}};
  const Result<SearchQuery> r = ParseSearchParams(params, geo, Date::FromDays(kTodayDays));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const SearchQuery& q = r.value();
  EXPECT_EQ(q.regions, (std::vector<int>{1, 2}));
  EXPECT_EQ(*q.price_max, 49995);
  EXPECT_EQ(q.levels.size(), 2U);
  EXPECT_EQ(q.modes.size(), 2U);
  EXPECT_EQ(q.funding_flags, kFundingStapRegister | kFundingOcwRecognised);
  EXPECT_FALSE(q.include_demo);
  EXPECT_EQ(q.sort, SortOrder::kDistance);
  EXPECT_EQ(q.page, 2);
  // And back: the same query again.
  const Result<SearchQuery> again =
      ParseSearchParams(SearchParamsOf(q), geo, Date::FromDays(kTodayDays));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(SearchParamsOf(again.value()), SearchParamsOf(q));
}

TEST(SearchParamsTest, NamesTheWrongParameter) {
  const GeoIndex geo = Geo();
  const std::vector<std::pair<QueryParams, std::string>> cases = {
      {{{"per_page", "101"}}, "per_page"},
      {{{"page", "0"}}, "page"},
      {{{"price_max", "12,50"}}, "price_max"},
      {{{"level", "phd"}}, "level"},
      {{{"near", "0000"}}, "near"},
      {{{"radius_km", "25"}}, "radius_km"},
      {{{"sort", "distance"}}, "sort"},
      {{{"region", "99"}}, "region"},
      {{{"start_from", "2026-02-30"}}, "start_from"},
      {{{"q", std::string("\xC3", 1)}}, "q"},
      {{{"colour", "red"}}, "colour"},
      {{{"price_min", "9"}, {"price_max", "1"}}, "price_min"},
      {{{"page", "200"}, {"per_page", "100"}}, "page"}};
  for (const auto& [params, field] : cases) {
    const Result<SearchQuery> r = ParseSearchParams(params, geo, Date::FromDays(kTodayDays));
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().field, field);
  }
}

}  // namespace
}  // namespace verder
