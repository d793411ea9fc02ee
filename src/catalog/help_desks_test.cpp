#include "catalog/help_desks.h"

#include <gtest/gtest.h>

#include "tests/cbs_regions.h"

namespace verder {
namespace {

std::vector<LabourMarketRegion> Regions() {
  return {{1, "Groot Amsterdam"}, {2, "Midden-Utrecht"}};
}

std::string Desk(const std::string& region, const std::string& website = "https://example.nl") {
  return R"({"region": ")" + region + R"(", "name": "Leerwerkloket )" + region +
         R"(", "kind": "leerwerkloket", "website": ")" + website + R"(", "verified": true})";
}

std::string File(const std::string& desks) {
  return R"({"national": {"name": "Landelijk", "website": "https://example.nl"}, "desks": [)" +
         desks + "]}";
}

TEST(HelpDesksTest, FindsTheDeskOfEachRegion) {
  const Result<HelpDesks> desks =
      HelpDesks::Parse(File(Desk("Groot Amsterdam") + "," + Desk("Midden-Utrecht")), Regions());
  ASSERT_TRUE(desks.ok()) << desks.error().message;
  ASSERT_NE(desks.value().ForRegion(2), nullptr);
  EXPECT_EQ(desks.value().ForRegion(2)->name, "Leerwerkloket Midden-Utrecht");
  EXPECT_TRUE(desks.value().ForRegion(2)->verified);
  EXPECT_EQ(desks.value().ForRegion(3), nullptr);
  EXPECT_EQ(desks.value().national_website(), "https://example.nl");
}

TEST(HelpDesksTest, ReportsEveryProblemWithItsField) {
  const Result<HelpDesks> desks = HelpDesks::Parse(
      File(Desk("Groot Amsterdam", "javascript:alert(1)") + "," + Desk("Atlantis")), Regions());
  ASSERT_FALSE(desks.ok());
  const std::string& message = desks.error().message;
  EXPECT_NE(message.find("desks[0].website"), std::string::npos) << message;
  EXPECT_NE(message.find("desks[1].region: unknown labour-market region 'Atlantis'"),
            std::string::npos);
  EXPECT_NE(message.find("no desk for region 'Midden-Utrecht'"), std::string::npos);
}

TEST(HelpDesksTest, RejectsTwoDesksForOneRegionAndBrokenJson) {
  EXPECT_FALSE(HelpDesks::Parse(File(Desk("Groot Amsterdam") + "," + Desk("Groot Amsterdam") + "," +
                                     Desk("Midden-Utrecht")),
                                Regions())
                   .ok());
  EXPECT_FALSE(HelpDesks::Parse("{not json", Regions()).ok());
}

TEST(HelpDesksTest, TheShippedFileCoversTheThirtyFiveCbsRegions) {
  const std::vector<LabourMarketRegion> regions = testing::CbsLabourMarketRegions();
  ASSERT_EQ(regions.size(), 35U);
  const Result<HelpDesks> desks = HelpDesks::LoadFile(
      std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data/help_desks.json", regions);
  ASSERT_TRUE(desks.ok()) << desks.error().message;
  EXPECT_EQ(desks.value().ForRegion(35)->region, "Zuidoost-Brabant");
}

}  // namespace
}  // namespace verder
