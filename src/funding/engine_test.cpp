#include "funding/engine.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "funding/scheme_loader.h"
#include "funding/scheme_test_support.h"

namespace verder::funding {
namespace {

using nlohmann::json;
using test_support::D;
using test_support::Source;
using test_support::Text;

json ShareJson(int numerator, int denominator) {
  return {{"numerator", numerator}, {"denominator", denominator}, {"source", Source()}};
}

// A scheme paying `numerator/denominator` of every cost part, with no conditions.
json PayingJson(const std::string& id, int numerator = 1, int denominator = 1) {
  return {{"id", id},
          {"name", Text(id)},
          {"goal", Text("Doel")},
          {"operator", Text("Uitvoerder")},
          {"funder", "public"},
          {"criteria", json::array()},
          {"payment",
           {{"kind", "course"},
            {"cost_parts", {"registration", "tuition", "materials", "other"}},
            {"shares", json::array({ShareJson(numerator, denominator)})},
            {"source", Source()}}},
          {"reason_yes", Text("Ja, " + id + ".")},
          {"obligations", Text("Niets.")}};
}

json NotPayingJson(const std::string& id, const std::string& kind) {
  json j = PayingJson(id);
  j["payment"] = {{"kind", kind}, {"source", Source()}};
  if (kind == "unpublished") j["payment"]["reason"] = Text("Bedragen onbekend.");
  return j;
}

json CriterionJson(const std::string& field, const json& yes, const json& maybe = nullptr) {
  json c = {{"field", field},
            {"yes", yes},
            {"reason_no", Text("Nee door " + field + ".")},
            {"source", Source()}};
  if (!maybe.is_null()) {
    c["maybe"] = maybe;
    c["reason_maybe"] = Text("Misschien door " + field + ".");
  }
  return c;
}

FundingEngine Engine(const std::vector<json>& files) {
  std::vector<Scheme> schemes;
  for (const json& j : files) {
    Scheme s;
    const std::vector<Error> problems = ParseScheme(j.dump(), j["id"].get<std::string>(), &s);
    for (const Error& e : problems) ADD_FAILURE() << e.ToString();
    schemes.push_back(std::move(s));
  }
  for (const Error& e : CheckSchemeSet(schemes)) ADD_FAILURE() << e.ToString();
  return FundingEngine(std::move(schemes));
}

Person Adult() {
  Person p;
  p.age = 40;
  p.education = "mbo3";
  p.work = "employee-permanent";
  p.sector = "retail";
  p.postcode = "1012";
  p.employer_tied = true;
  return p;
}

FundingCourse CourseWithTuition(Cents tuition) {
  FundingCourse c;
  c.id = "c1";
  c.costs.tuition_cents = tuition;
  c.registers = {"stap"};
  c.start_date = Date::Parse("2022-07-04").value();
  return c;
}

Verdict VerdictOf(const CourseCheck& r, const std::string& id) {
  const SchemeAnswer* a = r.Find(id);
  EXPECT_NE(a, nullptr) << id;
  return a == nullptr ? Verdict::kMaybe : a->verdict;
}

Cents PaysOf(const CourseCheck& r, const std::string& id) {
  const SchemeAnswer* a = r.Find(id);
  EXPECT_NE(a, nullptr) << id;
  return a == nullptr ? -1 : a->pays_cents;
}

TEST(FundingEngineTest, EndedSchemeIsEndedAndNeverPaysWhateverTheCourseCarries) {
  json j = PayingJson("stap");
  j["valid"] = {{"from", "2022-03-01"}, {"to", "2023-12-31"}, {"source", Source()}};
  j["criteria"] = json::array({CriterionJson("course.registers", {"stap"})});
  const FundingEngine engine = Engine({j});
  const CourseCheck last_day = engine.NetCost(Adult(), CourseWithTuition(50000), D("2023-12-31"));
  EXPECT_EQ(VerdictOf(last_day, "stap"), Verdict::kYes);
  EXPECT_EQ(last_day.net_cost_cents, 0);
  const CourseCheck after = engine.NetCost(Adult(), CourseWithTuition(50000), D("2024-01-01"));
  EXPECT_EQ(VerdictOf(after, "stap"), Verdict::kEnded);
  EXPECT_EQ(PaysOf(after, "stap"), 0);
  EXPECT_EQ(after.net_cost_cents, 50000);
  EXPECT_NE(after.schemes[0].reason.nl.find("31 december 2023"), std::string::npos);
  const CourseCheck before = engine.NetCost(Adult(), CourseWithTuition(50000), D("2022-02-28"));
  EXPECT_EQ(VerdictOf(before, "stap"), Verdict::kNo);  // not started yet is no, not ended
  EXPECT_EQ(engine.CheckPerson(Adult(), D("2024-01-01")).schemes[0].verdict, Verdict::kEnded);
}

TEST(FundingEngineTest, AnEndedSchemeStaysEndedWhenAnAnswerIsWrong) {
  json j = PayingJson("stap");
  j["valid"] = {{"to", "2023-12-31"}, {"source", Source()}};
  j["criteria"] = json::array({CriterionJson("age", {{"min", 18}})});
  Person p = Adult();
  p.age = -1;
  const CourseCheck r = Engine({j}).NetCost(p, CourseWithTuition(50000), D("2024-06-01"));
  EXPECT_EQ(VerdictOf(r, "stap"), Verdict::kEnded);
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].field, "age");
}

TEST(FundingEngineTest, WrongOrMissingAnswersGiveMaybeNeverYes) {
  json j = PayingJson("s");
  j["criteria"] = json::array({CriterionJson("age", {{"min", 18}}),
                               CriterionJson("work", {"employee-permanent"}, {"other"})});
  const FundingEngine engine = Engine({j});
  Person p = Adult();
  p.age = -4;
  CourseCheck r = engine.NetCost(p, CourseWithTuition(50000), D("2022-06-01"));
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kMaybe);
  EXPECT_EQ(PaysOf(r, "s"), 0);
  EXPECT_EQ(r.net_cost_cents, 50000);
  EXPECT_EQ(r.schemes[0].missing, std::vector<std::string>{"age"});
  p.age.reset();
  r = engine.NetCost(p, CourseWithTuition(50000), D("2022-06-01"));
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kMaybe);
  EXPECT_NE(r.schemes[0].reason.nl.find("Vul dat in"), std::string::npos);
  p = Adult();
  p.work = "astronaut";
  EXPECT_EQ(VerdictOf(engine.NetCost(p, CourseWithTuition(50000), D("2022-06-01")), "s"),
            Verdict::kMaybe);
  p.work = "unknown";  // not answered: allowed, still maybe
  r = engine.NetCost(p, CourseWithTuition(50000), D("2022-06-01"));
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kMaybe);
  EXPECT_TRUE(r.errors.empty());
  p.work = "other";  // a maybe value from the data, with its own reason
  r = engine.NetCost(p, CourseWithTuition(50000), D("2022-06-01"));
  EXPECT_EQ(r.schemes[0].reason.nl, "Misschien door work.");
}

TEST(FundingEngineTest, ADefiniteNoFromAValidAnswerWinsOverAWrongOne) {
  json j = PayingJson("s");
  j["criteria"] =
      json::array({CriterionJson("age", {{"min", 18}}), CriterionJson("work", {"self-employed"})});
  Person p = Adult();
  p.age = -4;  // wrong, but the work situation already says no
  const CourseCheck r = Engine({j}).NetCost(p, CourseWithTuition(50000), D("2022-06-01"));
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kNo);
  EXPECT_EQ(r.schemes[0].reason.nl, "Nee door work.");
}

TEST(FundingEngineTest, ADateThatDoesNotExistIsAnErrorAndMakesDatedSchemesMaybe) {
  json dated = PayingJson("dated");
  dated["valid"] = {{"from", "2022-03-01"}, {"source", Source()}};
  const json undated = NotPayingJson("undated", "tax-deduction");
  const CourseCheck r =
      Engine({dated, undated}).NetCost(Adult(), CourseWithTuition(50000), "2022-02-30");
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].field, "as_of");
  EXPECT_EQ(AnswerErrorCodeName(r.errors[0].code), std::string("invalid"));
  EXPECT_EQ(VerdictOf(r, "dated"), Verdict::kMaybe);
  EXPECT_EQ(VerdictOf(r, "undated"), Verdict::kYes);
  EXPECT_EQ(r.net_cost_cents, 50000);
}

TEST(FundingEngineTest, CourseRulesWaitForACourse) {
  json j = PayingJson("s");
  j["criteria"] = json::array({CriterionJson("course.registers", {"stap"})});
  const FundingEngine engine = Engine({j});
  EXPECT_EQ(engine.CheckPerson(Adult(), D("2022-06-01")).schemes[0].verdict, Verdict::kYes);
  FundingCourse c = CourseWithTuition(50000);
  c.registers.clear();
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2022-06-01")), "s"), Verdict::kNo);
}

json WithYearlyCeiling(json j, Cents cents) {
  j["payment"]["ceilings"] = json::array({{{"period", "calendar-year"},
                                           {"cents", cents},
                                           {"used_answer", "used_this_year_cents"},
                                           {"reason_used_up", Text("Op.")},
                                           {"source", Source()}}});
  return j;
}

TEST(FundingEngineTest, CeilingLimitsPaymentAndUsedUpIsNo) {
  const FundingEngine engine = Engine({WithYearlyCeiling(PayingJson("stap"), 100000)});
  Person p = Adult();
  PersonCheck check = engine.CheckPerson(p, D("2022-09-01"));
  EXPECT_EQ(check.schemes[0].budget_left_cents, 100000);
  EXPECT_NE(check.schemes[0].reason.nl.find("€ 1.000 over"), std::string::npos);
  EXPECT_EQ(PaysOf(engine.NetCost(p, CourseWithTuition(150000), D("2022-09-01")), "stap"), 100000);
  p.used_this_year_cents["stap"] = 60000;
  const CourseCheck partly = engine.NetCost(p, CourseWithTuition(80000), D("2022-09-01"));
  EXPECT_EQ(PaysOf(partly, "stap"), 40000);
  EXPECT_EQ(partly.net_cost_cents, 40000);
  p.used_this_year_cents["stap"] = 100000;
  check = engine.CheckPerson(p, D("2022-09-01"));
  EXPECT_EQ(check.schemes[0].verdict, Verdict::kNo);
  EXPECT_EQ(check.schemes[0].budget_left_cents, 0);
  EXPECT_EQ(check.schemes[0].reason.nl, "Op.");
  p.used_this_year_cents["stap"] = -1;
  const CourseCheck wrong = engine.NetCost(p, CourseWithTuition(80000), D("2022-09-01"));
  EXPECT_EQ(VerdictOf(wrong, "stap"), Verdict::kMaybe);
  EXPECT_EQ(wrong.schemes[0].missing, std::vector<std::string>{"used_this_year_cents.stap"});
}

TEST(FundingEngineTest, ShareDependsOnTheDayAndTheAnswersAndRoundsDown) {
  json j = PayingJson("ppo");
  j["payment"]["shares"] =
      json::array({{{"when", json::array({{{"field", "work"}, {"yes", {"self-employed"}}}})},
                    {"to", "2021-09-30"},
                    {"numerator", 2},
                    {"denominator", 3},
                    {"source", Source()}},
                   ShareJson(1, 3)});
  const FundingEngine engine = Engine({j});
  Person zzp = Adult();
  zzp.work = "self-employed";
  EXPECT_EQ(PaysOf(engine.NetCost(zzp, CourseWithTuition(90000), D("2021-09-30")), "ppo"), 60000);
  EXPECT_EQ(PaysOf(engine.NetCost(zzp, CourseWithTuition(90000), D("2021-10-01")), "ppo"), 30000);
  EXPECT_EQ(PaysOf(engine.NetCost(Adult(), CourseWithTuition(90000), D("2021-09-30")), "ppo"),
            30000);
  EXPECT_EQ(PaysOf(engine.NetCost(zzp, CourseWithTuition(100), D("2021-10-01")), "ppo"), 33);
  zzp.work = "unknown";  // the share itself depends on it before the switch
  EXPECT_EQ(VerdictOf(engine.NetCost(zzp, CourseWithTuition(90000), D("2021-09-30")), "ppo"),
            Verdict::kMaybe);
  EXPECT_EQ(VerdictOf(engine.NetCost(zzp, CourseWithTuition(90000), D("2021-10-01")), "ppo"),
            Verdict::kYes);
}

TEST(FundingEngineTest, SchemesTogetherNeverPayMoreThanTheCourseCosts) {
  json free = PayingJson("free");
  free["pay_order"] = 10;
  json stap = PayingJson("stap");
  stap["pay_order"] = 20;
  const FundingEngine engine = Engine({stap, free});  // file order differs from pay order
  const CourseCheck r = engine.NetCost(Adult(), CourseWithTuition(60000), D("2022-06-01"));
  EXPECT_EQ(PaysOf(r, "free"), 60000);
  EXPECT_EQ(PaysOf(r, "stap"), 0);
  EXPECT_EQ(VerdictOf(r, "stap"), Verdict::kYes);
  EXPECT_EQ(r.net_cost_cents, 0);
  EXPECT_EQ(r.schemes[0].scheme_id, "stap");  // answers keep the schemes' order
}

TEST(FundingEngineTest, NotWithAndUndecidedWithHoldFromEitherFile) {
  json a = PayingJson("a", 1, 3);
  a["pay_order"] = 1;
  json b = PayingJson("b", 1, 3);
  b["stacking"] = json::array({{{"kind", "not-with"},
                                {"schemes", {"a"}},
                                {"reason", Text("Niet samen met a.")},
                                {"source", Source()}}});
  json c = PayingJson("c", 1, 3);
  json d = PayingJson("d", 1, 3);
  d["pay_order"] = 1;
  d["stacking"] = json::array({{{"kind", "undecided-with"},
                                {"schemes", {"c"}},
                                {"reason", Text("Onbekend met c.")},
                                {"source", Source()}}});
  const CourseCheck r =
      Engine({a, b, c, d}).NetCost(Adult(), CourseWithTuition(90000), D("2022-06-01"));
  EXPECT_EQ(VerdictOf(r, "a"), Verdict::kYes);
  EXPECT_EQ(VerdictOf(r, "b"), Verdict::kNo);
  EXPECT_EQ(r.Find("b")->reason.nl, "Niet samen met a.");
  EXPECT_EQ(VerdictOf(r, "d"), Verdict::kYes);    // pays first
  EXPECT_EQ(VerdictOf(r, "c"), Verdict::kMaybe);  // the rule is in d's file
  EXPECT_EQ(PaysOf(r, "c"), 0);
  EXPECT_EQ(r.net_cost_cents, 30000);
}

TEST(FundingEngineTest, PrivateMoneyOnlyAddsAboveTheLimit) {
  json stap = PayingJson("stap");
  stap["pay_order"] = 1;
  stap["stacking"] = json::array({{{"kind", "others-only-above"},
                                   {"funders", {"private"}},
                                   {"cents", 100000},
                                   {"reason", Text("Alleen boven 1000.")},
                                   {"source", Source()}}});
  stap = WithYearlyCeiling(stap, 100000);
  json employer = PayingJson("employer");
  employer["funder"] = "private";
  const FundingEngine engine = Engine({stap, employer});
  CourseCheck r = engine.NetCost(Adult(), CourseWithTuition(140000), D("2022-06-01"));
  EXPECT_EQ(PaysOf(r, "stap"), 100000);
  EXPECT_EQ(PaysOf(r, "employer"), 40000);
  Person p = Adult();
  p.used_this_year_cents["stap"] = 60000;  // STAP pays 400 of 800: the employer may not add
  r = engine.NetCost(p, CourseWithTuition(80000), D("2022-06-01"));
  EXPECT_EQ(PaysOf(r, "stap"), 40000);
  EXPECT_EQ(PaysOf(r, "employer"), 0);
  EXPECT_NE(r.Find("employer")->reason.nl.find("Alleen boven 1000."), std::string::npos);
  EXPECT_EQ(r.net_cost_cents, 40000);
}

TEST(FundingEngineTest, LoansTaxDeductionsAdviceAndUnpublishedNeverLowerNetCost) {
  const FundingEngine engine =
      Engine({NotPayingJson("loan", "loan"), NotPayingJson("tax", "tax-deduction"),
              NotPayingJson("advice", "advice"), NotPayingJson("fund", "unpublished")});
  const CourseCheck r = engine.NetCost(Adult(), CourseWithTuition(200000), D("2025-03-01"));
  EXPECT_EQ(VerdictOf(r, "loan"), Verdict::kYes);
  EXPECT_EQ(VerdictOf(r, "tax"), Verdict::kYes);
  EXPECT_EQ(VerdictOf(r, "advice"), Verdict::kYes);
  EXPECT_EQ(VerdictOf(r, "fund"), Verdict::kMaybe);
  EXPECT_EQ(r.Find("fund")->reason.nl, "Bedragen onbekend.");
  for (const SchemeAnswer& a : r.schemes) EXPECT_EQ(a.pays_cents, 0) << a.scheme_id;
  EXPECT_EQ(r.net_cost_cents, 200000);
}

TEST(FundingEngineTest, UnknownOrWrongPriceGivesNoNetCost) {
  const FundingEngine engine = Engine({PayingJson("s"), NotPayingJson("advice", "advice")});
  FundingCourse c = CourseWithTuition(50000);
  c.costs_stated = false;
  CourseCheck r = engine.NetCost(Adult(), c, D("2022-06-01"));
  EXPECT_FALSE(r.net_cost_cents.has_value());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kMaybe);
  EXPECT_EQ(VerdictOf(r, "advice"), Verdict::kYes);  // needs no price
  c = CourseWithTuition(-5000);
  r = engine.NetCost(Adult(), c, D("2022-06-01"));
  EXPECT_FALSE(r.net_cost_cents.has_value());
  ASSERT_EQ(r.errors.size(), 1U);
  EXPECT_EQ(r.errors[0].field, "course.costs_cents.tuition");
  EXPECT_EQ(VerdictOf(r, "s"), Verdict::kMaybe);
}

json MinCost(json j) {
  j["criteria"] = json::array({{{"kind", "min-cost-excl-vat"},
                                {"min_cents", 15000},
                                {"max_vat_percent", 21},
                                {"reason_no", Text("Te goedkoop.")},
                                {"reason_maybe", Text("Btw onbekend.")},
                                {"source", Source()}}});
  return j;
}

TEST(FundingEngineTest, MinimumExcludingVatWithAnUnknownRate) {
  const FundingEngine engine = Engine({MinCost(PayingJson("ppo", 1, 3))});
  FundingCourse c = CourseWithTuition(14999);
  c.vat_included = false;
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2024-03-01")), "ppo"), Verdict::kNo);
  c.costs.tuition_cents = 15000;
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2024-03-01")), "ppo"), Verdict::kYes);
  c.vat_included = true;  // €150 including VAT is below €150 excluding it at any rate above 0
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2024-03-01")), "ppo"), Verdict::kMaybe);
  c.costs.tuition_cents = 18150;  // €150 plus 21%: enough at any rate
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2024-03-01")), "ppo"), Verdict::kYes);
  c.costs.tuition_cents = 14000;
  EXPECT_EQ(VerdictOf(engine.NetCost(Adult(), c, D("2024-03-01")), "ppo"), Verdict::kNo);
}

TEST(FundingEngineTest, StartWindowCountsCalendarMonths) {
  json j = PayingJson("ppo", 1, 3);
  j["criteria"] = json::array({{{"kind", "start-window"},
                                {"months_before", 3},
                                {"months_after", 3},
                                {"reason_no", Text("Buiten de tijd.")},
                                {"source", Source()}}});
  const FundingEngine engine = Engine({j});
  const auto verdict = [&](const char* as_of, const char* start) {
    FundingCourse c = CourseWithTuition(90000);
    c.start_date = D(start);
    return VerdictOf(engine.NetCost(Adult(), c, D(as_of)), "ppo");
  };
  EXPECT_EQ(verdict("2024-03-01", "2024-06-01"), Verdict::kYes);
  EXPECT_EQ(verdict("2024-03-01", "2024-06-02"), Verdict::kNo);
  EXPECT_EQ(verdict("2024-03-01", "2023-12-01"), Verdict::kYes);
  EXPECT_EQ(verdict("2024-03-01", "2023-11-30"), Verdict::kNo);
  EXPECT_EQ(verdict("2023-11-30", "2024-02-29"), Verdict::kYes);  // 30 Feb is 29 Feb (leap)
  EXPECT_EQ(verdict("2023-11-30", "2024-03-01"), Verdict::kNo);
  FundingCourse c = CourseWithTuition(90000);
  c.start_date.reset();
  const CourseCheck r = engine.NetCost(Adult(), c, D("2024-03-01"));
  EXPECT_EQ(VerdictOf(r, "ppo"), Verdict::kMaybe);
  EXPECT_EQ(r.schemes[0].missing, std::vector<std::string>{"course.start_date"});
}

TEST(FundingEngineTest, AnyOfTakesTheBestOutcome) {
  json j = NotPayingJson("employer", "advice");
  j["criteria"] =
      json::array({{{"any_of", json::array({{{"field", "work"}, {"yes", {"employee-permanent"}}},
                                            {{"field", "employer_tied"}, {"yes", {true}}}})},
                    {"reason_no", Text("Geen werkgever.")},
                    {"source", Source()}}});
  const FundingEngine engine = Engine({j});
  Person p = Adult();
  p.work = "jobseeker-benefits";
  EXPECT_EQ(engine.CheckPerson(p, D("2025-01-01")).schemes[0].verdict, Verdict::kYes);
  p.employer_tied = false;
  const PersonCheck no = engine.CheckPerson(p, D("2025-01-01"));
  EXPECT_EQ(no.schemes[0].verdict, Verdict::kNo);
  EXPECT_EQ(no.schemes[0].reason.nl, "Geen werkgever.");
  p.employer_tied.reset();
  EXPECT_EQ(engine.CheckPerson(p, D("2025-01-01")).schemes[0].verdict, Verdict::kMaybe);
}

TEST(FundingEngineTest, NotAskedQuestionsAreMaybeWithWhatWeNeedToKnow) {
  json j = NotPayingJson("llk", "loan");
  j["criteria"] = json::array({{{"kind", "not-asked"},
                                {"question", "student_finance"},
                                {"reason_maybe", Text("Studiefinanciering onbekend.")},
                                {"source", Source()}}});
  const PersonCheck r = Engine({j}).CheckPerson(Adult(), D("2024-08-01"));
  EXPECT_EQ(r.schemes[0].verdict, Verdict::kMaybe);
  EXPECT_EQ(r.schemes[0].missing, std::vector<std::string>{"student_finance"});
}

// With the project's scheme files: every answer has words in both languages.
TEST(FundingEngineTest, EveryAnswerOfTheRealSchemesHasAReasonInBothLanguages) {
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  Result<std::vector<Scheme>> schemes =
      LoadSchemes(std::string(src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT) + "/data/schemes");
  ASSERT_TRUE(schemes.ok()) << schemes.error().ToString();
  const FundingEngine engine(std::move(schemes).value());
  for (const char* day : {"2021-06-01", "2022-06-01", "2023-06-01", "2025-06-01", "2022-02-30"}) {
    for (const char* work : {"self-employed", "employee-temporary", "jobseeker-benefits", "other",
                             "unknown", "astronaut"}) {
      Person p = Adult();
      p.work = work;
      p.sector = "culture";
      const CourseCheck r = engine.NetCost(p, CourseWithTuition(90000), day);
      for (const SchemeAnswer& a : r.schemes) {
        EXPECT_FALSE(a.reason.nl.empty()) << day << " " << work << " " << a.scheme_id;
        EXPECT_FALSE(a.reason.en.empty()) << day << " " << work << " " << a.scheme_id;
        if (a.verdict != Verdict::kYes) {
          EXPECT_EQ(a.pays_cents, 0) << a.scheme_id;
        }
      }
      for (const SchemeAnswer& a : engine.CheckPerson(p, day).schemes) {
        EXPECT_FALSE(a.reason.nl.empty()) << day << " " << work << " " << a.scheme_id;
      }
    }
  }
}

}  // namespace
}  // namespace verder::funding
