#include "ingest/demo_catalog.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "catalog/course_json.h"
#include "catalog/validation.h"

namespace verder {
namespace {

ReferenceData Vocabulary() {
  ReferenceData d;
  d.postcodes = {{"3511", 52.09, 5.11, "Utrecht", "0344"},
                 {"9711", 53.22, 6.57, "Groningen", "0014"},
                 {"6211", 50.85, 5.69, "Maastricht", "0935"}};
  for (int i = 0; i < 50; ++i) {
    d.occupations.push_back(
        {"esco", "o" + std::to_string(i), "beroep " + std::to_string(i), {}, ""});
    d.skills.push_back(
        {"esco", "s" + std::to_string(i), "vaardigheid " + std::to_string(i), {}, ""});
  }
  return d;
}

std::string Serialise(const ImportedCourse& c) {
  nlohmann::json j = ToJson(c.course.course);
  j["provider"] = c.provider_key;
  for (const Offering& o : c.course.offerings) j["offerings"].push_back(ToJson(o));
  return j.dump();
}

DemoOptions TestOptions() {
  return {
      .courses = 300, .seed = 42, .providers = 20, .today = Date::FromDays(20415)};  // 2025-11-23
}

TEST(DemoCatalogTest, SameSeedGivesIdenticalCatalogue) {
  const ReferenceData ref = Vocabulary();
  const DemoCatalog a(ref, TestOptions());
  const DemoCatalog b(ref, TestOptions());
  for (int64_t i = 0; i < TestOptions().courses; ++i)
    EXPECT_EQ(Serialise(a.CourseAt(i)), Serialise(b.CourseAt(i)));
  EXPECT_EQ(a.Providers(), b.Providers());
}

TEST(DemoCatalogTest, OtherSeedGivesOtherCatalogue) {
  const ReferenceData ref = Vocabulary();
  DemoOptions other = TestOptions();
  other.seed = 43;
  const DemoCatalog a(ref, TestOptions());
  const DemoCatalog b(ref, other);
  int differ = 0;
  for (int64_t i = 0; i < 50; ++i)
    differ += Serialise(a.CourseAt(i)) != Serialise(b.CourseAt(i)) ? 1 : 0;
  EXPECT_GT(differ, 45);
}

TEST(DemoCatalogTest, EveryCourseIsValidMarkedDemoAndPlausible) {
  const ReferenceData ref = Vocabulary();
  const DemoCatalog demo(ref, TestOptions());
  std::set<std::string> providers;
  std::set<DeliveryMode> modes;
  for (int64_t i = 0; i < TestOptions().courses; ++i) {
    const ImportedCourse c = demo.CourseAt(i);
    EXPECT_TRUE(ValidateCourse(c.course).empty()) << Serialise(c);
    EXPECT_TRUE(c.course.course.is_demo);
    EXPECT_LE(c.course.course.costs.Total(), 1'000'000);  // at most €10,000
    EXPECT_FALSE(c.course.offerings.empty());
    for (const Offering& o : c.course.offerings) {
      if (o.start) {
        EXPECT_GT(*o.start, TestOptions().today);
        EXPECT_LE(*o.start - TestOptions().today, 372);
      }
    }
    providers.insert(c.provider_key);
    modes.insert(c.course.course.mode);
  }
  EXPECT_EQ(modes.size(), 4U);
  EXPECT_GT(providers.size(), 10U);
  for (const Provider& p : demo.Providers()) {
    EXPECT_TRUE(p.is_demo);
    EXPECT_TRUE(ValidateProvider(p).empty()) << p.name;
  }
}

TEST(DemoCatalogTest, ProvidersFollowAZipfLikeDistribution) {
  const ReferenceData ref = Vocabulary();
  const DemoCatalog demo(ref, TestOptions());
  std::map<std::string, int> per_provider;
  for (int64_t i = 0; i < TestOptions().courses; ++i) ++per_provider[demo.CourseAt(i).provider_key];
  // Rank 1 has weight 1, rank 20 has weight 20^-0.8 ≈ 0.09: the first provider is far larger.
  EXPECT_GT(per_provider["demo:1"], 3 * std::max(1, per_provider["demo:20"]));
}

}  // namespace
}  // namespace verder
