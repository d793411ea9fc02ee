#include "funding/person.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "funding/funding_course.h"

namespace verder::funding {
namespace {

Person Valid() {
  Person p;
  p.age = 34;
  p.education = "mbo4";
  p.work = "self-employed";
  p.sector = "culture";
  p.postcode = "1012";
  p.employer_tied = false;
  return p;
}

bool Has(const std::vector<AnswerError>& errors, const std::string& field, AnswerErrorCode code) {
  return std::any_of(errors.begin(), errors.end(), [&](const AnswerError& e) {
    return e.field == field && e.code == code && !e.message.nl.empty() && !e.message.en.empty();
  });
}

TEST(FundingPersonTest, ValidAnswersHaveNoErrors) { EXPECT_TRUE(ValidatePerson(Valid()).empty()); }

TEST(FundingPersonTest, UnknownIsAnAllowedAnswer) {
  Person p = Valid();
  p.education = "unknown";
  p.work = "unknown";
  p.sector = "unknown";
  p.postcode.reset();
  p.employer_tied.reset();
  EXPECT_TRUE(ValidatePerson(p).empty());
}

TEST(FundingPersonTest, NegativeAgeIsInvalidAndNoAgeIsMissing) {
  Person p = Valid();
  p.age = -4;
  EXPECT_TRUE(Has(ValidatePerson(p), "age", AnswerErrorCode::kInvalid));
  p.age.reset();
  EXPECT_TRUE(Has(ValidatePerson(p), "age", AnswerErrorCode::kMissing));
  p.age = 0;
  EXPECT_TRUE(ValidatePerson(p).empty());
}

TEST(FundingPersonTest, ValuesOffTheListsAreUnknownAndEmptyIsMissing) {
  Person p = Valid();
  p.education = "phd";
  p.work = "astronaut";
  p.sector = "space-mining";
  const std::vector<AnswerError> errors = ValidatePerson(p);
  EXPECT_EQ(errors.size(), 3U);
  EXPECT_TRUE(Has(errors, "education", AnswerErrorCode::kUnknown));
  EXPECT_TRUE(Has(errors, "work", AnswerErrorCode::kUnknown));
  EXPECT_TRUE(Has(errors, "sector", AnswerErrorCode::kUnknown));
  p = Valid();
  p.work = "";
  EXPECT_TRUE(Has(ValidatePerson(p), "work", AnswerErrorCode::kMissing));
}

TEST(FundingPersonTest, PostcodeIsFourDigitsFrom1000) {
  EXPECT_TRUE(IsPostcode4("1012"));
  EXPECT_TRUE(IsPostcode4("9999"));
  for (const char* bad : {"12AB", "0123", "101", "10123", "1012AB", " 101"}) {
    Person p = Valid();
    p.postcode = bad;
    EXPECT_TRUE(Has(ValidatePerson(p), "postcode", AnswerErrorCode::kInvalid)) << bad;
  }
}

TEST(FundingPersonTest, NegativeAmountsNameTheirField) {
  Person p = Valid();
  p.used_this_year_cents["stap-budget"] = -1;
  p.ppo_cofinanced_last_12m_cents = -10000;
  const std::vector<AnswerError> errors = ValidatePerson(p);
  EXPECT_TRUE(Has(errors, "used_this_year_cents.stap-budget", AnswerErrorCode::kInvalid));
  EXPECT_TRUE(Has(errors, "ppo_cofinanced_last_12m_cents", AnswerErrorCode::kInvalid));
}

TEST(FundingCourseTest, NegativeCostPartAndImpossibleFactsAreErrors) {
  FundingCourse c;
  c.costs.tuition_cents = -5000;
  c.nlqf = 9;
  c.registers = {"stap", "nowhere"};
  c.level = "mbo-5";
  const std::vector<AnswerError> errors = ValidateFundingCourse(c);
  EXPECT_TRUE(Has(errors, "course.costs_cents.tuition", AnswerErrorCode::kInvalid));
  EXPECT_TRUE(Has(errors, "course.nlqf", AnswerErrorCode::kInvalid));
  EXPECT_TRUE(Has(errors, "course.registers", AnswerErrorCode::kInvalid));
  EXPECT_TRUE(Has(errors, "course.level", AnswerErrorCode::kInvalid));
  EXPECT_EQ(errors.size(), 4U);
}

TEST(FundingCourseTest, FromCatalogueCourse) {
  Course course;
  course.id = 42;
  course.primary_code = {"crebo", "25655"};
  course.level = Level::kMbo3;
  course.nlqf = 3;
  course.sector = "Zorg en welzijn";
  course.funding_flags =
      kFundingStapRegister | kFundingOcwRecognised | kFundingNlqfPlaced | kFundingLlkEligible;
  course.costs.tuition_cents = 100000;
  course.costs.vat_included = true;
  const FundingCourse c = FundingCourseFromCourse(course, Date::Parse("2025-09-01").value());
  EXPECT_EQ(c.id, "42");
  EXPECT_EQ(c.registers, (std::vector<std::string>{"stap", "llk", "crebo"}));
  EXPECT_TRUE(c.recognised_ocw);
  EXPECT_EQ(c.nlqf, 3);
  EXPECT_EQ(c.level, "mbo-3");
  EXPECT_EQ(c.sector, "care-welfare");
  EXPECT_TRUE(c.costs_stated);
  EXPECT_EQ(c.costs.Total(), 100000);
  EXPECT_EQ(c.start_date, Date::Parse("2025-09-01").value());
  EXPECT_TRUE(ValidateFundingCourse(c).empty());
}

TEST(FundingCourseTest, CatalogueCostsBecomeWhatThePersonPays) {
  Course course;
  course.costs.tuition_cents = 10000;
  course.costs.vat_included = false;  // VAT comes on top
  FundingCourse c = FundingCourseFromCourse(course);
  EXPECT_EQ(c.costs.tuition_cents, 12100);
  EXPECT_TRUE(c.vat_included);
  course.costs.vat_exempt = true;  // no VAT at all: the price is the price excluding VAT
  c = FundingCourseFromCourse(course);
  EXPECT_EQ(c.costs.tuition_cents, 10000);
  EXPECT_FALSE(c.vat_included);
  course.costs.stated = false;  // DUO data give no price
  EXPECT_FALSE(FundingCourseFromCourse(course).costs_stated);
  course.sector = "Iets nieuws";  // a sector is never guessed
  EXPECT_EQ(FundingCourseFromCourse(course).sector, "unknown");
  course.nlqf = 4;  // without the NLQF flag the level is not a placement
  EXPECT_FALSE(FundingCourseFromCourse(course).nlqf.has_value());
}

}  // namespace
}  // namespace verder::funding
