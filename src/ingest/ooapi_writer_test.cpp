#include "ingest/ooapi_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/validation.h"
#include "ingest/demo_catalog.h"
#include "ingest/feed_reader.h"
#include "ingest/feed_test_support.h"

namespace verder {
namespace {

using nlohmann::json;

Date Day(const char* text) { return Date::Parse(text).value(); }

// Everything set, and set away from the defaults.
CourseRecord FullCourse() {
  CourseRecord r;
  r.provider.key = "kvk:12345678";
  Course& c = r.course;
  c.id = 77;
  c.provider_id = 5;
  c.updated_at = 1'700'000'000;
  c.external_id = "ba-bk";
  c.primary_code = {"croho", "34406"};
  c.title = {"Bedrijfskunde (deeltijd)", "Business administration (part-time)"};
  c.description = {"Een brede opleiding.", "A broad programme."};
  c.goal = {"Leidinggeven aan verandering.", "Leading change."};
  c.prerequisites = {"Havo of mbo-4.", "Havo or mbo-4."};
  c.follow_up = {"Master bedrijfskunde"};
  c.level = Level::kWoBachelor;
  c.nlqf = 6;
  c.sector = "Economie";
  c.occupations = {"bedrijfskundige", "projectleider"};
  c.skills = {"analyseren", "organiseren"};
  c.study_load_hours = 5040;
  c.duration_weeks = 208;
  c.theory_percent = 0;
  c.exam = "Tentamens en een scriptie.";
  c.credential = Credential::kDiploma;
  c.pe_points = 20;
  c.costs = {.registration_cents = 10000,
             .tuition_cents = 253000,
             .materials_cents = 45050,
             .other_cents = 1,
             .vat_included = false,
             .vat_exempt = true};
  c.language = "en";
  c.mode = DeliveryMode::kBlended;
  c.funding_flags = kFundingStapRegister | kFundingOcwRecognised | kFundingNlqfPlaced |
                    kFundingLlkEligible | kFundingSectorRecognised;
  c.quality_marks = {"NVAO-accreditatie"};
  c.status = CourseStatus::kWithdrawn;
  Offering a;
  a.id = 901;
  a.external_id = "2026-utrecht";
  a.start = Day("2026-09-01");
  a.end = Day("2030-07-01");
  a.location = {"3511 AB", "0344", "Utrecht", "Heidelberglaan 8"};
  a.daypart = Daypart::kWeekend;
  a.seats = 40;
  a.price_cents = 300000;
  a.enrol_url = "https://uni.example.nl/aanmelden";
  a.status = OfferingStatus::kCancelled;
  Offering b;
  b.id = 902;
  b.external_id = "2027-online";
  b.status = OfferingStatus::kClosed;
  b.enrol_url = "http://uni.example.nl/online";
  r.offerings = {a, b};
  return r;
}

// As the DUO import makes them: no prices, no dates, a crebo code.
CourseRecord DuoLikeCourse() {
  CourseRecord r;
  r.course.external_id = "crebo:25180";
  r.course.primary_code = {"crebo", "25180"};
  r.course.title.nl = "Verzorgende-IG";
  r.course.level = Level::kMbo3;
  r.course.nlqf = 3;
  r.course.costs.stated = false;
  r.course.funding_flags = kFundingOcwRecognised | kFundingLlkEligible;
  Offering o;
  o.external_id = "bbl";
  o.location = {"9711", "0014", "Groningen", ""};
  r.offerings = {o};
  return r;
}

// Codes that only ext spellings keep apart: a crebo without an mbo level, a croho with one.
std::vector<CourseRecord> CodeCornerCourses() {
  CourseRecord crebo;
  crebo.course.external_id = "x1";
  crebo.course.primary_code = {"crebo", "10001"};
  crebo.course.title.nl = "Zonder niveau";
  crebo.course.language = "de";
  crebo.course.mode = DeliveryMode::kSelfPaced;
  crebo.course.is_demo = true;
  crebo.course.costs.tuition_cents = 0;  // free, and stated so
  CourseRecord croho = crebo;
  croho.course.external_id = "x2";
  croho.course.primary_code = {"croho", "30001"};
  croho.course.level = Level::kMbo4;
  croho.course.mode = DeliveryMode::kOnline;
  croho.course.language = "nl";
  CourseRecord other = crebo;
  other.course.external_id = "x3";
  other.course.primary_code = {"isbn", "978-90"};
  other.course.level = Level::kHboMaster;
  other.course.mode = DeliveryMode::kClassroom;
  return {crebo, croho, other};
}

std::vector<CourseRecord> DemoCourses(const ReferenceData& reference) {
  const DemoCatalog demo(reference,
                         {.courses = 60, .seed = 7, .providers = 10, .today = Day("2026-01-15")});
  std::vector<CourseRecord> out;
  for (int64_t i = 0; i < 60; ++i) {
    ImportedCourse c = demo.CourseAt(i);
    out.push_back({c.course.course, Provider{.key = c.provider_key}, c.course.offerings});
  }
  return out;
}

// What a reader can know: the store's ids and time stamps are not part of a feed.
CourseWithOfferings WithoutStoreFields(const CourseRecord& r) {
  CourseWithOfferings c{r.course, r.offerings};
  c.course.id = 0;
  c.course.provider_id = 0;
  c.course.updated_at = 0;
  for (Offering& o : c.offerings) o.id = 0;
  return c;
}

class OoapiWriterTest : public ::testing::Test {
 protected:
  void ExpectRoundTrip(const std::vector<CourseRecord>& courses) {
    std::string ndjson;
    json array = json::array();
    for (const CourseRecord& r : courses) {
      ASSERT_TRUE(ValidateCourse(WithoutStoreFields(r)).empty()) << r.course.external_id;
      const json j = OoapiCourseJson(r);
      ndjson += j.dump() + "\n";
      array.push_back(j);
    }
    for (const std::string& body : {ndjson, array.dump(2)}) {
      const FeedParse parse = ReadJsonFeed(body, &geo_);
      ASSERT_TRUE(parse.rejected.empty()) << feed_test::Describe(parse);
      ASSERT_EQ(parse.records.size(), courses.size());
      for (size_t i = 0; i < courses.size(); ++i) {
        const CourseWithOfferings expected = WithoutStoreFields(courses[i]);
        const CourseWithOfferings& got = parse.records[i].course;
        EXPECT_EQ(got.course, expected.course)
            << OoapiCourseJson(courses[i]).dump(2) << "\nread back as a different course";
        EXPECT_EQ(got.offerings, expected.offerings) << OoapiCourseJson(courses[i]).dump(2);
      }
    }
  }

  ReferenceData reference_ = feed_test::Reference();
  GeoIndex geo_{feed_test::Reference()};
};

TEST_F(OoapiWriterTest, WritesTheOoapiShape) {
  const json j = OoapiCourseJson(FullCourse());
  EXPECT_EQ(j["courseId"], "ba-bk");
  EXPECT_EQ(j["primaryCode"], json({{"codeType", "crohoCreboCode"}, {"code", "34406"}}));
  EXPECT_EQ(j["name"][0], json({{"language", "nl-NL"}, {"value", "Bedrijfskunde (deeltijd)"}}));
  EXPECT_EQ(j["name"][1]["language"], "en-GB");
  EXPECT_EQ(j["teachingLanguage"], "eng");
  EXPECT_EQ(j["level"], "bachelor");
  EXPECT_EQ(j["ext"]["level"], "wo-bachelor");
  EXPECT_EQ(j["modeOfDelivery"], json::array({"hybrid"}));
  EXPECT_EQ(j["studyLoad"], json({{"studyLoadUnit", "hour"}, {"value", 5040}}));
  EXPECT_EQ(j["duration"], "P208W");
  EXPECT_EQ(j["organization"], "kvk:12345678");
  EXPECT_EQ(j["ext"]["costs"]["materials"], "450.50");
  EXPECT_EQ(j["ext"]["verderId"], 77);
  ASSERT_EQ(j["offerings"].size(), 2U);
  const json& a = j["offerings"][0];
  EXPECT_EQ(a["offeringId"], "2026-utrecht");
  EXPECT_EQ(a["offeringType"], "course");
  EXPECT_EQ(a["startDate"], "2026-09-01");
  EXPECT_EQ(a["priceInformation"][0],
            json({{"costType", "total costs"}, {"amount", "3000.00"}, {"currency", "EUR"}}));
  EXPECT_EQ(a["addresses"][0]["postalCode"], "3511 AB");
  EXPECT_EQ(a["addresses"][0]["addressType"], "teaching");
  EXPECT_EQ(a["registrationStatus"], "closed");
  EXPECT_EQ(a["ext"]["status"], "cancelled");
  EXPECT_EQ(a["link"], "https://uni.example.nl/aanmelden");
  const json& b = j["offerings"][1];
  EXPECT_FALSE(b.contains("startDate"));                     // starts any time
  EXPECT_EQ(b["priceInformation"][0]["amount"], "3080.51");  // the course total
  EXPECT_EQ(OoapiOfferingJson(FullCourse().offerings[1], FullCourse().course), b);
}

TEST_F(OoapiWriterTest, CoursesWithoutPricesWriteNoPrices) {
  const json j = OoapiCourseJson(DuoLikeCourse());
  EXPECT_FALSE(j["ext"].contains("costs"));
  EXPECT_FALSE(j["offerings"][0].contains("priceInformation"));
  EXPECT_EQ(j["primaryCode"]["codeType"], "crohoCreboCode");
}

TEST_F(OoapiWriterTest, WhatItWritesReadsBackAsTheSameCourse) {
  std::vector<CourseRecord> courses = {FullCourse(), DuoLikeCourse()};
  for (CourseRecord& c : CodeCornerCourses()) courses.push_back(std::move(c));
  ExpectRoundTrip(courses);
}

// Found by fuzz/csv_feed_fuzzer (fuzz/corpus/csv_feed/street_without_postcode.csv): a feed may
// give a street without a postcode or town, and the export left the address out.
TEST_F(OoapiWriterTest, AStreetWithoutPostcodeOrTownIsWrittenToo) {
  CourseRecord r = DuoLikeCourse();
  r.offerings[0].location = {"", "", "", "Oudegracht 12"};
  ExpectRoundTrip({r});
}

TEST_F(OoapiWriterTest, DemoCataloguesReadBackAsTheSameCourses) {
  ExpectRoundTrip(DemoCourses(reference_));
}

TEST_F(OoapiWriterTest, ExampleFeedSurvivesReadWriteRead) {
  const FeedParse first = ReadJsonFeed(feed_test::SourceFile("data/feeds/example.json"), &geo_);
  ASSERT_TRUE(first.rejected.empty()) << feed_test::Describe(first);
  std::vector<CourseRecord> records;
  for (const FeedRecord& r : first.records) {
    records.push_back({r.course.course, Provider{}, r.course.offerings});
  }
  ExpectRoundTrip(records);
}

}  // namespace
}  // namespace verder
