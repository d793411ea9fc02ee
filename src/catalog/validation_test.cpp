#include "catalog/validation.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace verder {
namespace {

CourseWithOfferings ValidCourse() {
  CourseWithOfferings c;
  c.course.external_id = "c-1";
  c.course.title.nl = "Basiscursus boekhouden";
  c.course.costs.tuition_cents = 49500;
  Offering o;
  o.external_id = "o-1";
  o.start = Date::Parse("2026-01-12").value();
  o.end = Date::Parse("2026-03-30").value();
  o.location.postcode = "3511 AB";
  o.enrol_url = "https://example.nl/inschrijven";
  c.offerings.push_back(o);
  return c;
}

bool HasErrorOn(const std::vector<Error>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const Error& e) { return e.field == field; });
}

TEST(ValidationTest, AcceptsACompleteCourse) { EXPECT_TRUE(ValidateCourse(ValidCourse()).empty()); }

TEST(ValidationTest, NamesEveryWrongFieldAtOnce) {
  CourseWithOfferings c = ValidCourse();
  c.course.title.nl = "";
  c.course.nlqf = 9;
  c.course.costs.tuition_cents = -1;
  c.course.language = "NL";
  c.offerings[0].end = Date::Parse("2025-12-01").value();
  c.offerings[0].location.postcode = "12345";
  c.offerings[0].enrol_url = "javascript:alert(1)";
  const std::vector<Error> errors = ValidateCourse(c);
  EXPECT_TRUE(HasErrorOn(errors, "title.nl"));
  EXPECT_TRUE(HasErrorOn(errors, "nlqf"));
  EXPECT_TRUE(HasErrorOn(errors, "costs.tuition_cents"));
  EXPECT_TRUE(HasErrorOn(errors, "language"));
  EXPECT_TRUE(HasErrorOn(errors, "offerings[0].end"));
  EXPECT_TRUE(HasErrorOn(errors, "offerings[0].location.postcode"));
  EXPECT_TRUE(HasErrorOn(errors, "offerings[0].enrol_url"));
  EXPECT_EQ(errors.size(), 7U);
}

TEST(ValidationTest, RejectsMarkupAndBrokenUtf8InText) {
  CourseWithOfferings c = ValidCourse();
  c.course.description.nl = "Leer <script>alert(1)</script> boekhouden";
  c.course.title.en = std::string("Book\xFFkeeping");
  const std::vector<Error> errors = ValidateCourse(c);
  EXPECT_TRUE(HasErrorOn(errors, "description.nl"));
  EXPECT_TRUE(HasErrorOn(errors, "title.en"));
}

TEST(ValidationTest, AllowsLessThanSignInPlainText) {
  CourseWithOfferings c = ValidCourse();
  c.course.description.nl = "Voor groepen < 10 personen en 3 > 2";
  EXPECT_TRUE(ValidateCourse(c).empty());
}

TEST(ValidationTest, RejectsDuplicateOfferingIds) {
  CourseWithOfferings c = ValidCourse();
  c.offerings.push_back(c.offerings[0]);
  EXPECT_TRUE(HasErrorOn(ValidateCourse(c), "offerings[1].external_id"));
}

TEST(ValidationTest, ChecksProviderIdentifiers) {
  Provider p;
  p.key = "kvk:12345678";
  p.name = "Leerhuis Utrecht";
  p.kvk = "1234567";
  p.brin = "25B";
  p.website = "ftp://leerhuis.nl";
  p.contact.email = "geen-adres";
  const std::vector<Error> errors = ValidateProvider(p);
  EXPECT_TRUE(HasErrorOn(errors, "kvk"));
  EXPECT_TRUE(HasErrorOn(errors, "brin"));
  EXPECT_TRUE(HasErrorOn(errors, "website"));
  EXPECT_TRUE(HasErrorOn(errors, "contact.email"));
  p.kvk = "12345678";
  p.brin = "25BE";
  p.website = "https://leerhuis.nl";
  p.contact.email = "info@leerhuis.nl";
  EXPECT_TRUE(ValidateProvider(p).empty());
}

TEST(ValidationTest, PostcodeAndUrlRules) {
  EXPECT_TRUE(IsDutchPostcode("1012"));
  EXPECT_TRUE(IsDutchPostcode("1012AB"));
  EXPECT_TRUE(IsDutchPostcode("1012 AB"));
  EXPECT_FALSE(IsDutchPostcode("0123"));
  EXPECT_FALSE(IsDutchPostcode("1012 ab"));
  EXPECT_FALSE(IsDutchPostcode("101"));
  EXPECT_TRUE(IsHttpUrl("https://www.roc.nl/opleiding?id=1"));
  EXPECT_FALSE(IsHttpUrl("https://"));
  EXPECT_FALSE(IsHttpUrl("https://a b.nl"));
  EXPECT_FALSE(IsHttpUrl("https://x.nl/\"onmouseover=\""));
  EXPECT_FALSE(IsHttpUrl("data:text/html,hi"));
  EXPECT_TRUE(IsHttpUrl("https://café.example.nl/cursus"));
}

// Found by fuzz/csv_feed_fuzzer: the course code was never checked (any bytes, any length).
TEST(ValidationTest, ChecksTheCourseCodeAsText) {
  CourseWithOfferings c = ValidCourse();
  c.course.primary_code = {"crebo", "25655"};
  EXPECT_TRUE(ValidateCourse(c).empty());
  c.course.primary_code = {"p\xF0rovider", std::string(101, '7')};
  const std::vector<Error> problems = ValidateCourse(c);
  EXPECT_TRUE(HasErrorOn(problems, "primary_code.type"));
  EXPECT_TRUE(HasErrorOn(problems, "primary_code.code"));
}

// Found by fuzz/csv_feed_fuzzer: a byte that is not UTF-8 in an address passed, and the store's
// JSON writer then threw on the kept course (an exception no handler catches: the server died).
TEST(ValidationTest, RejectsBrokenUtf8InAddresses) {
  EXPECT_FALSE(IsHttpUrl("https://ehbo.example.nl/\xA5"));
  CourseWithOfferings c = ValidCourse();
  ASSERT_FALSE(c.offerings.empty());
  c.offerings[0].enrol_url = "https://a.nl/\xFF";
  const std::vector<Error> problems = ValidateCourse(c);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].field, "offerings[0].enrol_url");
  EXPECT_NE(problems[0].message.find("UTF-8"), std::string::npos);
  Provider p;
  p.key = "kvk:12345678";
  p.name = "Leerhuis";
  EXPECT_TRUE(ValidateProvider(p).empty());
  p.website = "https://leerhuis.nl/\xC3";
  EXPECT_FALSE(ValidateProvider(p).empty());
  p.website.clear();
  p.contact.email = "info@leerhuis\xFF.nl";
  EXPECT_FALSE(ValidateProvider(p).empty());
}

}  // namespace
}  // namespace verder
