#include "funding/scheme_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "funding/scheme_test_support.h"

namespace verder::funding {
namespace {

using nlohmann::json;
using test_support::Source;
using test_support::Text;
using test_support::ValidScheme;

std::string SourceDir() {
  const char* src = std::getenv("VERDER_SOURCE_DIR");  // set by ctest
  return src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT;
}

std::vector<Error> Parse(const json& j, Scheme* s = nullptr) {
  Scheme scratch;
  return ParseScheme(j.dump(), "test.json", s != nullptr ? s : &scratch);
}

bool Names(const std::vector<Error>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const Error& e) { return e.field == field; });
}

std::string All(const std::vector<Error>& problems) {
  std::string out;
  for (const Error& e : problems) out += e.ToString() + "\n";
  return out;
}

class FundingSchemeDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("verder-schemes-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST(FundingSchemeLoaderTest, AValidFileReadsCompletely) {
  Scheme s;
  const std::vector<Error> problems = Parse(ValidScheme(), &s);
  ASSERT_TRUE(problems.empty()) << All(problems);
  EXPECT_EQ(s.id, "test-scheme");
  EXPECT_EQ(s.file, "test.json");
  EXPECT_EQ(s.valid_to, Date::Parse("2023-12-31").value());
  ASSERT_EQ(s.criteria.size(), 1U);
  EXPECT_EQ(s.criteria[0].yes_range->min, 18);
  EXPECT_EQ(s.payment.kind, PaymentKind::kCourse);
  EXPECT_EQ(s.pay_order, 100);
}

TEST(FundingSchemeLoaderTest, NotJsonNamesTheFile) {
  Scheme s;
  const std::vector<Error> problems = ParseScheme("{\"id\": ", "broken.json", &s);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].field, "broken.json:(top)");
}

TEST(FundingSchemeLoaderTest, EveryProblemInAFileIsReportedWithItsPlace) {
  json j = ValidScheme();
  j["valid"]["to"] = "2023-02-30";             // no such day
  j["criteria"][0]["field"] = "shoe_size";     // no such field
  j["payment"]["shares"][0]["numerator"] = 4;  // 4/1 pays more than the course
  j["apply_url"] = "http://example.org";       // not https
  j["stackign"] = json::array();               // a misspelt key is not ignored
  j["name"].erase("en");                       // every text in both languages
  const std::vector<Error> problems = Parse(j);
  EXPECT_TRUE(Names(problems, "test.json:valid.to")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:criteria[0].field")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:payment.shares[0].numerator")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:apply_url")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:stackign")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:name.en")) << All(problems);
  EXPECT_EQ(problems.size(), 6U) << All(problems);
}

TEST(FundingSchemeLoaderTest, ValuesMustBeFromTheVocabulary) {
  json j = ValidScheme();
  j["criteria"].push_back({{"field", "education"},
                           {"yes", {"mbo4", "mbo5"}},
                           {"maybe", {"unknown", "mbo4"}},
                           {"reason_no", Text("Nee.")},
                           {"reason_maybe", Text("Misschien.")},
                           {"source", Source()}});
  const std::vector<Error> problems = Parse(j);
  EXPECT_TRUE(Names(problems, "test.json:criteria[1].yes[1]")) << All(problems);    // mbo5
  EXPECT_TRUE(Names(problems, "test.json:criteria[1].maybe[0]")) << All(problems);  // unknown
  EXPECT_TRUE(Names(problems, "test.json:criteria[1]")) << All(problems);  // mbo4 yes and maybe
}

TEST(FundingSchemeLoaderTest, EveryRuleCitesASource) {
  json j = ValidScheme();
  j["criteria"][0].erase("source");
  j["payment"]["shares"][0]["source"] = json::array();
  j["valid"]["source"][0].erase("quote");
  const std::vector<Error> problems = Parse(j);
  EXPECT_TRUE(Names(problems, "test.json:criteria[0].source")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:payment.shares[0].source")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:valid.source[0].quote")) << All(problems);
}

TEST(FundingSchemeLoaderTest, ReasonsAreNeededWhereTheyCanBeShown) {
  json j = ValidScheme();
  j["criteria"][0].erase("reason_no");  // age can say no
  j["criteria"].push_back({{"field", "postcode"}, {"yes", {"*"}}, {"source", Source()}});
  j["criteria"].push_back({{"kind", "not-asked"},
                           {"question", "student_finance"},
                           {"source", Source()}});  // always maybe, so it needs reason_maybe
  const std::vector<Error> problems = Parse(j);
  EXPECT_TRUE(Names(problems, "test.json:criteria[0].reason_no")) << All(problems);
  EXPECT_TRUE(Names(problems, "test.json:criteria[2].reason_maybe")) << All(problems);
  EXPECT_EQ(problems.size(), 2U) << All(problems);  // "*" never says no: no reason_no needed
}

TEST(FundingSchemeLoaderTest, ValidityMustRunForwards) {
  json j = ValidScheme();
  j["valid"]["from"] = "2024-01-01";
  EXPECT_TRUE(Names(Parse(j), "test.json:valid"));
}

TEST(FundingSchemeLoaderTest, TheLastShareMustAlwaysApply) {
  json j = ValidScheme();
  j["payment"]["shares"][0]["to"] = "2021-09-30";
  EXPECT_TRUE(Names(Parse(j), "test.json:payment.shares"));
}

TEST(FundingSchemeLoaderTest, SetChecksIdsAndReferences) {
  Scheme a;
  Scheme b;
  Scheme c;
  json ja = ValidScheme("a");
  ja["stacking"] = json::array({{{"kind", "not-with"},
                                 {"schemes", {"nowhere"}},
                                 {"reason", Text("Niet samen.")},
                                 {"source", Source()}}});
  json jc = ValidScheme("a");
  jc["payment"] = {{"kind", "compartment"}, {"compartment_of", "gone"}, {"source", Source()}};
  ASSERT_TRUE(ParseScheme(ja.dump(), "a.json", &a).empty());
  ASSERT_TRUE(ParseScheme(ValidScheme("b").dump(), "b.json", &b).empty());
  ASSERT_TRUE(ParseScheme(jc.dump(), "c.json", &c).empty());
  const std::vector<Error> problems = CheckSchemeSet({a, b, c});
  EXPECT_TRUE(Names(problems, "a.json:stacking[0].schemes")) << All(problems);
  EXPECT_TRUE(Names(problems, "c.json:id")) << All(problems);  // "a" twice
  EXPECT_TRUE(Names(problems, "c.json:payment.compartment_of")) << All(problems);
}

TEST_F(FundingSchemeDirTest, OneBadFileFailsTheLoadAndNamesEveryProblem) {
  Write("good.json", ValidScheme("good").dump());
  json bad = ValidScheme("bad");
  bad["funder"] = "lottery";
  bad["criteria"][0]["yes"]["min"] = "eighteen";
  Write("bad.json", bad.dump(2));
  Write("notes.txt", "not a scheme");
  const SchemeFiles files = ReadSchemeFiles(dir_.string());
  ASSERT_EQ(files.schemes.size(), 1U);
  EXPECT_EQ(files.schemes[0].id, "good");
  EXPECT_EQ(files.problems.size(), 2U) << All(files.problems);
  const Result<std::vector<Scheme>> loaded = LoadSchemes(dir_.string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("bad.json:funder"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("bad.json:criteria[0].yes.min"), std::string::npos);
}

TEST_F(FundingSchemeDirTest, AnEmptyFolderIsAProblem) {
  EXPECT_FALSE(LoadSchemes(dir_.string()).ok());
  EXPECT_FALSE(LoadSchemes((dir_ / "missing").string()).ok());
}

// The project's own scheme files: all load, and the schemes the golden cases use are there.
TEST(FundingProjectSchemesTest, LoadWithoutProblems) {
  const Result<std::vector<Scheme>> schemes = LoadSchemes(SourceDir() + "/data/schemes");
  ASSERT_TRUE(schemes.ok()) << schemes.error().ToString();
  std::set<std::string> ids;
  for (const Scheme& s : schemes.value()) ids.insert(s.id);
  for (const char* id : {"stap-budget", "leerrechten", "stap-ontwikkeladvies",
                         "levenlanglerenkrediet", "slim", "nl-leert-door", "ppo",
                         "ppo-career-conversation", "sector-fund:metal", "sector-fund:care-welfare",
                         "regional-fund", "employer-reimbursement", "selfemployed-business-cost"}) {
    EXPECT_EQ(ids.count(id), 1U) << id;
  }
}

void CheckQuotes(const std::vector<SourceRef>& sources, const std::string& seeds,
                 const std::string& where) {
  for (const SourceRef& s : sources) {
    const std::string path = s.file == "DOMAIN.md" ? seeds + "/../DOMAIN.md" : seeds + "/" + s.file;
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << where << ": no source file " << path;
    std::string line;
    for (int i = 0; i < s.line && std::getline(in, line); ++i) {
    }
    EXPECT_NE(line.find(s.quote), std::string::npos)
        << where << ": '" << s.quote << "' is not on line " << s.line << " of " << s.file;
  }
}

void CheckCriteriaQuotes(const std::vector<Criterion>& criteria, const std::string& seeds,
                         const std::string& where) {
  for (const Criterion& c : criteria) {
    CheckQuotes(c.sources, seeds, where);
    CheckCriteriaQuotes(c.any_of, seeds, where);
  }
}

// Every rule cites a sentence; the sentence must really be on that line of that document.
TEST(FundingProjectSchemesTest, EveryQuoteIsOnItsLine) {
  const std::string seeds = SourceDir() + "/../shared/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no source documents at " << seeds;
  const Result<std::vector<Scheme>> schemes = LoadSchemes(SourceDir() + "/data/schemes");
  ASSERT_TRUE(schemes.ok()) << schemes.error().ToString();
  for (const Scheme& s : schemes.value()) {
    CheckQuotes(s.validity_sources, seeds, s.file);
    CheckCriteriaQuotes(s.criteria, seeds, s.file);
    CheckQuotes(s.payment.sources, seeds, s.file);
    for (const ShareRule& share : s.payment.shares) CheckQuotes(share.sources, seeds, s.file);
    for (const Ceiling& ceiling : s.payment.ceilings) CheckQuotes(ceiling.sources, seeds, s.file);
    for (const StackingRule& rule : s.stacking) CheckQuotes(rule.sources, seeds, s.file);
  }
}

}  // namespace
}  // namespace verder::funding
