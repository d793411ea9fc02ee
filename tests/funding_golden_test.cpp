// The funding engine against the golden cases in tests/golden/funding/, written from the source
// documents before the engine existed (see the README there for the case format and how a case
// is compared). One test per case, named after its id; the schemes come from data/schemes/.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "funding/engine.h"
#include "funding/scheme_loader.h"
#include "tests/funding_golden_cases.h"

namespace verder::funding {
namespace {

using golden::CourseFrom;
using golden::GoldenCase;
using golden::LoadGoldenCases;
using golden::PersonFrom;
using golden::SourceDir;
using nlohmann::json;

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

INSTANTIATE_TEST_SUITE_P(funding, FundingGoldenTest, ::testing::ValuesIn(LoadGoldenCases()),
                         CaseName);

TEST(FundingGoldenFiles, HoldSeventyFiveCases) { EXPECT_EQ(LoadGoldenCases().size(), 75U); }

}  // namespace
}  // namespace verder::funding
