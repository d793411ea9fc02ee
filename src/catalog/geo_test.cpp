#include "catalog/geo.h"

#include <gtest/gtest.h>

namespace verder {
namespace {

ReferenceData SmallReference() {
  ReferenceData d;
  d.regions = {{1, "Midden-Utrecht"}, {2, "Rijnmond"}};
  d.municipalities = {{"0344", "Utrecht", "Utrecht", 1}, {"0599", "Rotterdam", "Zuid-Holland", 2}};
  d.postcodes = {{"3512", 52.09, 5.12, "Utrecht", "0344"},
                 {"3511", 52.09, 5.11, "Utrecht", "0344"},
                 {"3191", 51.86, 4.35, "Hoogvliet", "0599"}};
  return d;
}

TEST(GeoTest, DistanceUtrechtRotterdamIsAboutFortySevenKilometres) {
  const double km = DistanceKm(52.0907, 5.1214, 51.9244, 4.4777);
  EXPECT_NEAR(km, 47.0, 2.0);
  EXPECT_DOUBLE_EQ(DistanceKm(52, 5, 52, 5), 0.0);
}

TEST(GeoTest, FindsPlacesAsDuoAndPeopleWriteThem) {
  const GeoIndex geo(SmallReference());
  ASSERT_NE(geo.FindMunicipalityByPlace("UTRECHT"), nullptr);
  EXPECT_EQ(geo.FindMunicipalityByPlace("UTRECHT")->code, "0344");
  ASSERT_NE(geo.FindMunicipalityByPlace("Hoogvliet"), nullptr);
  EXPECT_EQ(geo.FindMunicipalityByPlace("Hoogvliet")->code, "0599");
  EXPECT_EQ(geo.FindMunicipalityByPlace("Atlantis"), nullptr);
  EXPECT_EQ(PlaceKey("'s-Hertogenbosch"), PlaceKey("S HERTOGENBOSCH"));
}

TEST(GeoTest, FirstPostcodeIsTheLowestOfTheMunicipality) {
  const GeoIndex geo(SmallReference());
  ASSERT_NE(geo.FirstPostcodeOf("0344"), nullptr);
  EXPECT_EQ(geo.FirstPostcodeOf("0344")->pc4, "3511");
  EXPECT_EQ(geo.FindRegion(2)->name, "Rijnmond");
  EXPECT_EQ(geo.FindPostcode("9999"), nullptr);
}

}  // namespace
}  // namespace verder
