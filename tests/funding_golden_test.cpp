// The funding engine against the golden cases in tests/golden/funding/, written from the source
// documents before the engine existed (see the README there for the case format and how a case
// is compared). One test per case, named after its id; the schemes come from data/schemes/.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "funding/engine.h"
#include "funding/scheme_loader.h"

namespace verder::funding {
namespace {

using nlohmann::json;

std::string SourceDir() {
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  return src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT;
}

struct GoldenCase {
  std::string file;
  json j;
};

// gtest prints a case by its id instead of its bytes.
void PrintTo(const GoldenCase& c, std::ostream* out) { *out << c.j.at("id").get<std::string>(); }

std::vector<GoldenCase> LoadCases() {
  std::vector<GoldenCase> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/golden/funding")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    for (json& c : json::parse(in)) out.push_back({f.filename().string(), std::move(c)});
  }
  return out;
}

Person PersonFrom(const json& j) {
  Person p;
  if (j.at("age").is_number_integer()) p.age = j.at("age").get<int>();
  p.education = j.value("education", "");
  p.work = j.value("work", "");
  p.sector = j.value("sector", "");
  if (j.contains("postcode") && j.at("postcode").is_string()) {
    p.postcode = j.at("postcode").get<std::string>();
  }
  p.newcomer = j.value("newcomer", false);
  if (j.contains("employer_tied") && j.at("employer_tied").is_boolean()) {
    p.employer_tied = j.at("employer_tied").get<bool>();
  }
  const json used = j.value("used_this_year_cents", json::object());
  for (const auto& [scheme, cents] : used.items()) {
    p.used_this_year_cents[scheme] = cents.get<Cents>();
  }
  p.ppo_cofinanced_last_12m_cents = j.value("ppo_cofinanced_last_12m_cents", Cents{0});
  return p;
}

FundingCourse CourseFrom(const json& j) {
  FundingCourse c;
  c.id = j.at("id").get<std::string>();
  const json& costs = j.at("costs_cents");
  c.costs = {costs.at("registration").get<Cents>(), costs.at("tuition").get<Cents>(),
             costs.at("materials").get<Cents>(), costs.at("other").get<Cents>()};
  c.vat_included = j.at("vat_included").get<bool>();
  c.registers = j.at("registers").get<std::vector<std::string>>();
  c.recognised_ocw = j.at("recognised_ocw").get<bool>();
  if (j.at("nlqf").is_number_integer()) c.nlqf = j.at("nlqf").get<int>();
  c.level = j.at("level").get<std::string>();
  c.sector = j.at("sector").get<std::string>();
  const Result<Date> start = Date::Parse(j.at("start_date").get<std::string>());
  if (start.ok()) c.start_date = start.value();
  return c;
}

// Everything the engine said, for a failure message.
std::string Describe(const CourseCheck& r) {
  std::ostringstream out;
  out << "net_cost=" << (r.net_cost_cents ? std::to_string(*r.net_cost_cents) : "null") << "\n";
  for (const AnswerError& e : r.errors) {
    out << "  error " << e.field << " " << AnswerErrorCodeName(e.code) << "\n";
  }
  for (const SchemeAnswer& a : r.schemes) {
    out << "  " << a.scheme_id << ": " << VerdictName(a.verdict) << " pays=" << a.pays_cents
        << " — " << a.reason.en << "\n";
  }
  return out.str();
}

class FundingGoldenTest : public ::testing::TestWithParam<GoldenCase> {
 protected:
  static void SetUpTestSuite() {
    Result<std::vector<Scheme>> schemes = LoadSchemes(SourceDir() + "/data/schemes");
    ASSERT_TRUE(schemes.ok()) << schemes.error().ToString();
    engine_ = new FundingEngine(std::move(schemes).value());
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static const FundingEngine* engine_;
};

const FundingEngine* FundingGoldenTest::engine_ = nullptr;

TEST_P(FundingGoldenTest, MatchesExpected) {
  ASSERT_NE(engine_, nullptr);
  const json& c = GetParam().j;
  const CourseCheck r = engine_->NetCost(PersonFrom(c.at("person")), CourseFrom(c.at("course")),
                                         c.at("as_of").get<std::string>());
  const json& expected = c.at("expected");
  SCOPED_TRACE(GetParam().file + " " + c.at("id").get<std::string>() + ": " + c.value("note", "") +
               "\n" + Describe(r));
  for (const auto& [id, verdict] : expected.at("verdicts").items()) {
    const SchemeAnswer* a = r.Find(id);
    ASSERT_NE(a, nullptr) << "no scheme " << id;
    EXPECT_EQ(VerdictName(a->verdict), verdict.get<std::string>()) << id;
  }
  const json pays = expected.value("pays_cents", json::object());
  for (const auto& [id, cents] : pays.items()) {
    const SchemeAnswer* a = r.Find(id);
    ASSERT_NE(a, nullptr) << "no scheme " << id;
    EXPECT_EQ(a->pays_cents, cents.get<Cents>()) << id;
  }
  const json& net = expected.at("net_cost_cents");
  if (net.is_null()) {
    EXPECT_FALSE(r.net_cost_cents.has_value());
  } else {
    ASSERT_TRUE(r.net_cost_cents.has_value());
    EXPECT_EQ(*r.net_cost_cents, net.get<Cents>());
  }
  if (!expected.contains("errors")) {
    EXPECT_TRUE(r.errors.empty()) << "no input errors expected";
    return;
  }
  for (const json& e : expected.at("errors")) {
    const std::string field = e.at("field").get<std::string>();
    const std::string code = e.at("code").get<std::string>();
    const bool found = std::any_of(r.errors.begin(), r.errors.end(), [&](const AnswerError& a) {
      return a.field == field && AnswerErrorCodeName(a.code) == code;
    });
    EXPECT_TRUE(found) << "expected error " << field << " " << code;
  }
}

// Every maybe, ended or no pays nothing, and only course payments lower the net cost: checked
// on every case, beyond what each case lists.
TEST_P(FundingGoldenTest, OnlyYesPays) {
  ASSERT_NE(engine_, nullptr);
  const json& c = GetParam().j;
  const CourseCheck r = engine_->NetCost(PersonFrom(c.at("person")), CourseFrom(c.at("course")),
                                         c.at("as_of").get<std::string>());
  Cents paid = 0;
  for (const SchemeAnswer& a : r.schemes) {
    if (a.verdict != Verdict::kYes) {
      EXPECT_EQ(a.pays_cents, 0) << a.scheme_id;
    }
    EXPECT_GE(a.pays_cents, 0) << a.scheme_id;
    paid += a.pays_cents;
  }
  if (r.net_cost_cents) {
    EXPECT_GE(*r.net_cost_cents, 0);
    EXPECT_EQ(*r.total_cents - paid, *r.net_cost_cents);
  }
}

std::string CaseName(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.j.at("id").get<std::string>();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(funding, FundingGoldenTest, ::testing::ValuesIn(LoadCases()), CaseName);

TEST(FundingGoldenFiles, HoldSeventyFiveCases) { EXPECT_EQ(LoadCases().size(), 75U); }

}  // namespace
}  // namespace verder::funding
