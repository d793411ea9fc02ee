#include "catalog/course_document.h"

#include <gtest/gtest.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/course_json.h"
#include "core/rng.h"

namespace verder {
namespace {

// The document as the store wrote it before it had its own writer: the tree of ToJson without
// the row's columns, dumped. Rows written that way must still compare equal to new text.
std::string TreeDocument(const Course& c) {
  nlohmann::json j = ToJson(c);
  j.erase("id");
  j.erase("provider_id");
  j.erase("updated_at");
  return j.dump();
}

std::string TreeDocument(const Offering& o) {
  nlohmann::json j = ToJson(o);
  j.erase("id");
  return j.dump();
}

std::string RandomText(Rng& rng) {
  static const std::array<std::string, 9> pieces = {
      "zorg", " ", "\"", "\\", "\n", "é", "€", "\xF0\x9F\x8E\x93", "\t"};
  std::string text;
  const size_t n = rng.Below(6);
  for (size_t i = 0; i < n; ++i) text += rng.Pick(pieces);
  return text;
}

std::vector<std::string> RandomList(Rng& rng) {
  std::vector<std::string> list(rng.Below(4));
  for (std::string& s : list) s = RandomText(rng);
  return list;
}

// Every field with values across its range, enumerations included, so a key written out of
// order or a value written the wrong way shows in the comparison.
Course RandomCourse(Rng& rng) {
  Course c;
  c.id = static_cast<CourseId>(rng.Below(1000000));
  c.provider_id = static_cast<ProviderId>(rng.Below(1000));
  c.external_id = RandomText(rng);
  c.primary_code = {RandomText(rng), RandomText(rng)};
  c.title = {RandomText(rng), rng.Chance(0.5) ? RandomText(rng) : ""};
  c.description = {RandomText(rng), rng.Chance(0.5) ? RandomText(rng) : ""};
  c.goal = {RandomText(rng), rng.Chance(0.5) ? RandomText(rng) : ""};
  c.prerequisites = {RandomText(rng), rng.Chance(0.5) ? RandomText(rng) : ""};
  c.follow_up = RandomList(rng);
  c.level = static_cast<Level>(rng.Below(10));
  c.nlqf = static_cast<int>(rng.Below(9));
  c.sector = RandomText(rng);
  c.occupations = RandomList(rng);
  c.skills = RandomList(rng);
  c.study_load_hours = static_cast<int>(rng.Below(5000));
  c.duration_weeks = static_cast<int>(rng.Below(300));
  c.theory_percent = static_cast<int>(rng.Below(102)) - 1;
  c.exam = RandomText(rng);
  c.credential = static_cast<Credential>(rng.Below(6));
  c.pe_points = static_cast<int>(rng.Below(40));
  c.costs = {static_cast<Cents>(rng.Below(100000)),
             static_cast<Cents>(rng.Below(10000000)),
             static_cast<Cents>(rng.Below(100000)),
             static_cast<Cents>(rng.Below(100000)),
             rng.Chance(0.5),
             rng.Chance(0.5),
             rng.Chance(0.5)};
  c.language = rng.Chance(0.5) ? "nl" : "en";
  c.mode = static_cast<DeliveryMode>(rng.Below(4));
  c.funding_flags = static_cast<uint32_t>(rng.Below(32));
  c.quality_marks = RandomList(rng);
  c.status = static_cast<CourseStatus>(rng.Below(2));
  c.is_demo = rng.Chance(0.5);
  c.updated_at = static_cast<int64_t>(rng.Below(2000000000));
  return c;
}

Offering RandomOffering(Rng& rng) {
  Offering o;
  o.id = static_cast<int64_t>(rng.Below(100000));
  o.external_id = RandomText(rng);
  if (rng.Chance(0.7)) o.start = Date::FromDays(static_cast<int>(19000 + rng.Below(3000)));
  if (rng.Chance(0.5)) o.end = Date::FromDays(static_cast<int>(22000 + rng.Below(3000)));
  o.location = {RandomText(rng), RandomText(rng), RandomText(rng), RandomText(rng)};
  o.daypart = static_cast<Daypart>(rng.Below(4));
  o.seats = static_cast<int>(rng.Below(40));
  if (rng.Chance(0.5)) o.price_cents = static_cast<Cents>(rng.Below(1000000));
  o.enrol_url = RandomText(rng);
  o.status = static_cast<OfferingStatus>(rng.Below(3));
  return o;
}

TEST(CourseDocumentTest, CourseTextIsTheTreeDocumentByteForByte) {
  Rng rng(5);
  for (int i = 0; i < 3000; ++i) {
    const Course c = RandomCourse(rng);
    ASSERT_EQ(StoredCourseDocument(c), TreeDocument(c)) << "course " << i;
  }
}

TEST(CourseDocumentTest, OfferingTextIsTheTreeDocumentByteForByte) {
  Rng rng(6);
  for (int i = 0; i < 3000; ++i) {
    const Offering o = RandomOffering(rng);
    ASSERT_EQ(StoredOfferingDocument(o), TreeDocument(o)) << "offering " << i;
  }
}

TEST(CourseDocumentTest, CoursesReadBackWithoutTheRowColumns) {
  Rng rng(7);
  for (int i = 0; i < 500; ++i) {
    Course c = RandomCourse(rng);
    const Result<Course> back = CourseFromDocument(StoredCourseDocument(c));
    ASSERT_TRUE(back.ok()) << back.error().ToString();
    c.id = 0;
    c.provider_id = 0;
    c.updated_at = 0;
    ASSERT_EQ(back.value(), c) << "course " << i;
  }
}

TEST(CourseDocumentTest, OfferingsReadBackWithoutTheirId) {
  Rng rng(8);
  for (int i = 0; i < 500; ++i) {
    Offering o = RandomOffering(rng);
    const Result<Offering> back = OfferingFromDocument(StoredOfferingDocument(o));
    ASSERT_TRUE(back.ok()) << back.error().ToString();
    o.id = 0;
    ASSERT_EQ(back.value(), o) << "offering " << i;
  }
}

// Both readers gave the same value, or failed with the same error.
template <typename T>
void ExpectSameRead(const std::string& text, const Result<T>& tree, const Result<T>& document) {
  ASSERT_EQ(tree.ok(), document.ok()) << text;
  if (tree.ok()) {
    EXPECT_EQ(tree.value(), document.value()) << text;
  } else {
    EXPECT_EQ(tree.error().ToString(), document.error().ToString()) << text;
  }
}

// The document reader and CourseFromJson share their rules: the same text gives the same course
// or the same error, with the field named, whichever library parsed it.
TEST(CourseDocumentTest, ReadsAsCourseFromJsonDoesIncludingItsErrors) {
  const std::vector<std::string> documents = {
      R"({"title":{"nl":"Kok"},"id":4,"nlqf":2,"level":"mbo2","funding":["llk"]})",
      R"({})",
      R"({"title":"Kok"})",
      R"({"nlqf":"twee"})",
      R"({"nlqf":2.5})",
      R"({"level":"mbo9"})",
      R"({"level":3})",
      R"({"skills":["a",3]})",
      R"({"skills":"a"})",
      R"({"funding":["geen"]})",
      R"({"costs":{"tuition_cents":true}})",
      R"({"costs":[]})",
      R"({"primary_code":{"code":12}})",
      R"({"is_demo":1})",
      R"({"title":{"nl":"Kok","en":null}})",
      R"([])",
      R"("course")",
  };
  for (const std::string& text : documents) {
    ExpectSameRead(text, CourseFromJson(nlohmann::json::parse(text)), CourseFromDocument(text));
  }
}

TEST(CourseDocumentTest, OfferingErrorsMatchOfferingFromJson) {
  const std::vector<std::string> documents = {
      R"({"start":"2026-02-30"})", R"({"start":null,"end":"2026-03-01","price_cents":null})",
      R"({"price_cents":"10"})",   R"({"location":{"postcode":3511}})",
      R"({"daypart":"nacht"})",    R"({"seats":12,"status":"open","daypart":"evening"})",
  };
  for (const std::string& text : documents) {
    ExpectSameRead(text, OfferingFromJson(nlohmann::json::parse(text)), OfferingFromDocument(text));
  }
}

TEST(CourseDocumentTest, TextThatIsNotJsonIsAnErrorNotACrash) {
  for (const std::string text : {"", "{", "{\"title\":", "\xff\xfe", "{\"a\":1}}"}) {
    const Result<Course> r = CourseFromDocument(text);
    EXPECT_FALSE(r.ok()) << text;
  }
  EXPECT_FALSE(OfferingFromDocument("nul").ok());
}

}  // namespace
}  // namespace verder
