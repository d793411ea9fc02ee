#include "catalog/course_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace verder {
namespace {

Course FullCourse() {
  Course c;
  c.id = 7;
  c.provider_id = 3;
  c.external_id = "vpk-4";
  c.primary_code = {"crebo", "25655"};
  c.title = {"Verpleegkundige", "Nurse"};
  c.description = {"Je leert zorgen voor mensen.", "You learn to care for people."};
  c.goal.nl = "Werken als verpleegkundige";
  c.prerequisites.nl = "vmbo-diploma";
  c.follow_up = {"hbo-verpleegkunde"};
  c.level = Level::kMbo4;
  c.nlqf = 4;
  c.sector = "Zorg en welzijn";
  c.occupations = {"verpleegkundige"};
  c.skills = {"Zorg verlenen"};
  c.study_load_hours = 1600;
  c.duration_weeks = 160;
  c.theory_percent = 40;
  c.exam = "examen en stage";
  c.credential = Credential::kDiploma;
  c.pe_points = 0;
  c.costs = {5000, 125000, 30000, 2000, true, true, false};
  c.language = "nl";
  c.mode = DeliveryMode::kBlended;
  c.funding_flags = kFundingOcwRecognised | kFundingLlkEligible;
  c.quality_marks = {"NVAO"};
  c.is_demo = true;
  c.updated_at = 1700000000;
  return c;
}

TEST(CourseJsonTest, CourseRoundTripsEveryField) {
  const Course c = FullCourse();
  const nlohmann::json j = ToJson(c);
  EXPECT_EQ(j["costs"]["total_cents"], 162000);
  EXPECT_EQ(j["funding"], nlohmann::json::array({"ocw", "llk"}));
  const Result<Course> back = CourseFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back.value(), c);
}

TEST(CourseJsonTest, OfferingRoundTripsIncludingStartAnyTime) {
  Offering o;
  o.id = 9;
  o.external_id = "2026-voorjaar";
  o.start = Date::Parse("2026-02-02").value();
  o.location = {"3511", "0344", "Utrecht", "Vredenburg 1"};
  o.daypart = Daypart::kEvening;
  o.seats = 12;
  o.price_cents = 45000;
  o.enrol_url = "https://example.nl";
  const Result<Offering> back = OfferingFromJson(ToJson(o));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), o);
  EXPECT_FALSE(back.value().end.has_value());
}

TEST(CourseJsonTest, NamesTheFieldWithTheWrongType) {
  nlohmann::json j = ToJson(FullCourse());
  j["costs"]["tuition_cents"] = "veel";
  const Result<Course> r = CourseFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "costs.tuition_cents");
  j = ToJson(FullCourse());
  j["mode"] = "telepathy";
  EXPECT_EQ(CourseFromJson(j).error().field, "mode");
  j = ToJson(FullCourse());
  j["title"]["nl"] = 5;
  EXPECT_EQ(CourseFromJson(j).error().field, "title.nl");
}

TEST(CourseJsonTest, ProviderRoundTrips) {
  Provider p;
  p.id = 2;
  p.key = "brin:25BE";
  p.name = "Hanzehogeschool Groningen";
  p.brin = "25BE";
  p.website = "https://www.hanze.nl";
  p.quality_marks = {"NVAO-accreditatie"};
  p.contact = {"info@hanze.nl", "050 595 5555"};
  EXPECT_EQ(ProviderFromJson(ToJson(p)).value(), p);
}

}  // namespace
}  // namespace verder
