// Black-box tests of the site's helper pages through the real binary: help near you, compare,
// similar courses, "others also viewed" (with its minimum group) and popular in a region, and
// that the anonymous view counters survive a restart.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "tests/http_client.h"
#include "tests/test_paths.h"
#include "tests/verder_process.h"

namespace verder {
namespace {

using testing::HttpGet;

bool Has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

class SitePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    args_ = {"--db",
             (dir_ / "verder.db").string(),
             "--data",
             testing::SharedDataDir(),
             "serve",
             "--port",
             "0",
             "--threads",
             "2",
             "--demo-courses",
             "300",
             "--resources",
             std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data"};
  }
  void TearDown() override {
    Stop();
    std::filesystem::remove_all(dir_);
  }
  uint16_t Start() {
    const std::string log = (dir_ / ("serve" + std::to_string(starts_++) + ".log")).string();
    pid_ = testing::Spawn(args_, log);
    const uint16_t port = testing::WaitForPort(pid_, log, 300);
    EXPECT_NE(port, 0) << testing::ReadAll(log);
    return port;
  }
  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    EXPECT_EQ(testing::WaitExit(pid_), 0);
    pid_ = 0;
  }
  std::vector<int64_t> Ids(uint16_t port, const std::string& query) {
    const auto r = HttpGet(port, "/api/v1/search?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    const nlohmann::json answer = nlohmann::json::parse(r.body);
    std::vector<int64_t> ids;
    for (const auto& item : answer["items"]) ids.push_back(item["id"].get<int64_t>());
    return ids;
  }

  std::filesystem::path dir_;
  std::vector<std::string> args_;
  pid_t pid_ = 0;
  int starts_ = 0;
};

TEST_F(SitePagesTest, HelpNearYouGoesFromPostcodeToTheRegionalDesk) {
  const uint16_t port = Start();
  ASSERT_NE(port, 0);
  const auto utrecht = HttpGet(port, "/hulp?postcode=3511+AB");
  ASSERT_EQ(utrecht.status, 200);
  EXPECT_TRUE(Has(utrecht.body, "de gemeente Utrecht. Die hoort bij de regio Midden-Utrecht"));
  EXPECT_TRUE(Has(utrecht.body, "Leerwerkloket Midden-Utrecht"));
  EXPECT_TRUE(Has(utrecht.body, "href=\"/hulp?regio=35\""));  // all regions as plain links
  const auto english = HttpGet(port, "/en/help?postcode=9711");
  ASSERT_EQ(english.status, 200);
  EXPECT_TRUE(Has(english.body, "municipality of Groningen"));
  EXPECT_TRUE(Has(HttpGet(port, "/hulp?regio=11").body, "Leerwerkloket Groot Amsterdam"));

  const auto wrong = HttpGet(port, "/hulp?postcode=12ab");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(Has(wrong.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(Has(wrong.body, "4 cijfers"));
  EXPECT_EQ(HttpGet(port, "/hulp?postcode=1000").status, 400);  // a PO-box range: no place
  EXPECT_EQ(HttpGet(port, "/hulp?regio=99").status, 400);
  const auto hostile = HttpGet(port, "/hulp?postcode=%22%3E%3Cscript%3E");
  EXPECT_FALSE(Has(hostile.body, "\"><script>"));
}

TEST_F(SitePagesTest, CompareShowsUpToFourCoursesFromTheUrl) {
  const uint16_t port = Start();
  ASSERT_NE(port, 0);
  const std::vector<int64_t> ids = Ids(port, "q=verpleegkundige&per_page=5");
  ASSERT_EQ(ids.size(), 5U);
  const std::string a = std::to_string(ids[0]), b = std::to_string(ids[1]);
  const auto two = HttpGet(port, "/vergelijken?id=" + a + "&id=" + b);
  ASSERT_EQ(two.status, 200);
  EXPECT_TRUE(Has(two.body, "href=\"/opleiding/" + a + "\""));
  EXPECT_TRUE(Has(two.body, "href=\"/opleiding/" + b + "\""));
  EXPECT_TRUE(Has(two.body, "href=\"/vergelijken?id=" + b + "\""));  // remove a
  EXPECT_TRUE(Has(two.body, "<th scope=\"row\">Prijs</th>"));

  std::string five = "/en/compare?id=" + a;
  for (size_t i = 1; i < 5; ++i) five += "&id=" + std::to_string(ids[i]);
  const auto too_many = HttpGet(port, five);
  ASSERT_EQ(too_many.status, 200);
  EXPECT_TRUE(Has(too_many.body, "at most 4 courses"));
  EXPECT_FALSE(Has(too_many.body, "href=\"/en/course/" + std::to_string(ids[4]) + "\""));
  EXPECT_EQ(HttpGet(port, "/vergelijken?id=abc").status, 400);
  EXPECT_TRUE(Has(HttpGet(port, "/vergelijken").body, "nog geen opleidingen gekozen"));
  // The results page offers the choice as checkboxes of a GET form to the compare page.
  const auto results = HttpGet(port, "/zoeken?q=verpleegkundige");
  EXPECT_TRUE(Has(results.body, "form=\"compare\""));
  EXPECT_TRUE(Has(results.body, "<form id=\"compare\" action=\"/vergelijken\" method=\"get\">"));
}

TEST_F(SitePagesTest, SimilarAlsoViewedAndPopularComeFromAnonymousCountsThatSurviveARestart) {
  uint16_t port = Start();
  ASSERT_NE(port, 0);
  const std::vector<int64_t> ids = Ids(port, "q=verpleegkundige&per_page=2");
  ASSERT_EQ(ids.size(), 2U);
  const std::string a = std::to_string(ids[0]), b = std::to_string(ids[1]);

  const auto page_a = HttpGet(port, "/opleiding/" + a);
  ASSERT_EQ(page_a.status, 200);
  EXPECT_TRUE(Has(page_a.body, "Opleidingen die erop lijken"));
  EXPECT_TRUE(Has(page_a.body, "?via=" + a + "\""));                // similar links say where from
  EXPECT_FALSE(Has(page_a.body, "/opleiding/" + a + "?via=" + a));  // never itself
  EXPECT_FALSE(Has(page_a.body, "Anderen bekeken ook"));

  // Two people going from a to b are not yet a group: nothing is shown.
  const std::string b_via_a = "/opleiding/" + b + "?via=" + a;
  for (int i = 0; i < 2; ++i) ASSERT_EQ(HttpGet(port, b_via_a).status, 200);
  EXPECT_FALSE(Has(HttpGet(port, "/opleiding/" + a).body, "Anderen bekeken ook"));
  ASSERT_EQ(HttpGet(port, b_via_a).status, 200);
  const auto grouped = HttpGet(port, "/opleiding/" + a).body;
  EXPECT_TRUE(Has(grouped, "Anderen bekeken ook"));
  EXPECT_TRUE(Has(grouped, "href=\"" + b_via_a + "\""));

  // Popular in a region: before anyone looked, the home page honestly says "starting soon".
  const std::vector<int64_t> in_utrecht = Ids(port, "region=19&per_page=1");
  ASSERT_EQ(in_utrecht.size(), 1U);
  const std::string c = std::to_string(in_utrecht[0]);
  const auto before = HttpGet(port, "/?postcode=3511");
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(Has(before.body, "Binnenkort van start in regio Midden-Utrecht"));
  for (int i = 0; i < 3; ++i) ASSERT_EQ(HttpGet(port, "/opleiding/" + c).status, 200);
  const auto after = HttpGet(port, "/?postcode=3511");
  EXPECT_TRUE(Has(after.body, "Populair in regio Midden-Utrecht"));
  EXPECT_TRUE(Has(after.body, "href=\"/opleiding/" + c + "\""));
  EXPECT_EQ(HttpGet(port, "/?postcode=12").status, 400);

  // The counters reach the store at shutdown and are there after a restart; no person is in them.
  Stop();
  EXPECT_GE(testing::QueryInt((dir_ / "verder.db").string(),
                              "SELECT views FROM course_views WHERE course_id = " + c),
            3);
  port = Start();
  ASSERT_NE(port, 0);
  EXPECT_TRUE(Has(HttpGet(port, "/opleiding/" + a).body, "href=\"" + b_via_a));
  EXPECT_TRUE(Has(HttpGet(port, "/?postcode=3511").body, "Populair in regio Midden-Utrecht"));
}

}  // namespace
}  // namespace verder
