// Black-box tests of the site's helper pages through the real binary: help near you, compare,
// similar courses, "others also viewed" (with its minimum group) and popular in a region, and
// that the anonymous view counters survive a restart.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

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
  // The first start copies the small open data imported once (these tests are not about
  // importing), then adds 300 demo courses.
  uint16_t Start() {
    const std::filesystem::path db = dir_ / "verder.db";
    std::string why;
    if (!std::filesystem::exists(db) && !testing::CopyImportedDatabase(db.string(), &why)) {
      ADD_FAILURE() << why;
      return 0;
    }
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

TEST_F(SitePagesTest, FundingQuestionsApiAndNetCostOnPagesAndResults) {
  const uint16_t port = Start();
  ASSERT_NE(port, 0);
  const std::string person =
      "age=34&education=mbo2&work=employee-permanent&sector=care-welfare&stap_used=400";
  // As of mid-2022 STAP ran: €1,000 a year, €400 used, so €600 is left.
  const auto check = HttpGet(port, "/api/v1/funding/check?" + person + "&as_of=2022-06-01");
  ASSERT_EQ(check.status, 200) << check.body;
  const nlohmann::json answer = nlohmann::json::parse(check.body);
  EXPECT_TRUE(answer["errors"].empty());
  std::map<std::string, nlohmann::json> schemes;
  for (const auto& s : answer["schemes"]) schemes[s["id"].get<std::string>()] = s;
  ASSERT_TRUE(schemes.count("stap-budget"));
  EXPECT_EQ(schemes["stap-budget"]["verdict"], "yes");
  EXPECT_EQ(schemes["stap-budget"]["budget_left_cents"], 60000);
  EXPECT_FALSE(schemes["stap-budget"]["reason"].get<std::string>().empty());
  // Today STAP has ended (since 2024): never shown as available.
  const nlohmann::json today =
      nlohmann::json::parse(HttpGet(port, "/api/v1/funding/check?" + person).body);
  for (const auto& s : today["schemes"]) {
    if (s["id"] == "stap-budget") {
      EXPECT_EQ(s["verdict"], "ended");
    }
  }
  // A wrong answer is named and makes the verdict "maybe", never "yes".
  const nlohmann::json wrong = nlohmann::json::parse(
      HttpGet(port, "/api/v1/funding/check?age=-1&work=employee-permanent&as_of=2022-06-01").body);
  ASSERT_FALSE(wrong["errors"].empty());
  EXPECT_EQ(wrong["errors"][0]["field"], "age");
  for (const auto& s : wrong["schemes"]) {
    if (s["id"] == "stap-budget") {
      EXPECT_EQ(s["verdict"], "maybe");
    }
  }
  EXPECT_EQ(HttpGet(port, "/api/v1/funding/check?as_of=2022-13-01").status, 400);

  // Net cost of a priced course in the STAP register: STAP pays up to what is left.
  const auto found = HttpGet(port, "/api/v1/search?funding=stap&price_min=700&per_page=1");
  const nlohmann::json hits = nlohmann::json::parse(found.body);
  ASSERT_EQ(hits["items"].size(), 1U) << found.body;
  const std::string id = std::to_string(hits["items"][0]["id"].get<int64_t>());
  const nlohmann::json cost = nlohmann::json::parse(
      HttpGet(port, "/api/v1/funding/net-cost?course=" + id + "&" + person + "&as_of=2022-06-01")
          .body);
  const int64_t total = cost["total_cents"].get<int64_t>();
  EXPECT_EQ(cost["net_cost_cents"].get<int64_t>(), total - 60000);
  // A DUO course states no price: no net cost, never "free".
  const nlohmann::json duo =
      nlohmann::json::parse(HttpGet(port, "/api/v1/funding/net-cost?course=1&" + person).body);
  EXPECT_TRUE(duo["net_cost_cents"].is_null());
  EXPECT_EQ(HttpGet(port, "/api/v1/funding/net-cost?" + person).status, 400);
  EXPECT_EQ(HttpGet(port, "/api/v1/funding/net-cost?course=999999999").status, 404);

  // The pages: six questions without JavaScript, answers in the URL only.
  const auto form = HttpGet(port, "/betalen");
  ASSERT_EQ(form.status, 200);
  for (const char* field : {"id=\"age\"", "id=\"education\"", "id=\"work\"", "id=\"sector\"",
                            "id=\"postcode\"", "id=\"stap_used\""})
    EXPECT_TRUE(Has(form.body, field)) << field;
  EXPECT_EQ(form.headers.count("set-cookie"), 0U);
  const auto answered = HttpGet(port, "/betalen?" + person);
  EXPECT_TRUE(Has(answered.body, "Deze regelingen zijn gestopt"));  // STAP, today
  EXPECT_TRUE(Has(answered.body, "href=\"/zoeken?age=34&amp;education=mbo2"));
  const auto english = HttpGet(port, "/en/funding?age=abc&work=self-employed");
  EXPECT_TRUE(Has(english.body, "Enter your age in digits"));
  EXPECT_TRUE(Has(english.body, "aria-invalid=\"true\""));
  const auto results = HttpGet(port, "/zoeken?q=verpleegkundige&" + person);
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(Has(results.body, "<dt>Kost jou</dt>"));
  EXPECT_TRUE(Has(results.body, "name=\"age\" value=\"34\""));  // the answers stay in the form
  // Search filters and sorts on what a course costs this person (today: STAP has ended, so the
  // net cost is the price; the property over many courses is in funding_net_cost_test).
  const nlohmann::json cheap = nlohmann::json::parse(
      HttpGet(port, "/api/v1/search?q=cursus&per_page=100&net_max=250&" + person).body);
  ASSERT_GT(cheap["total"].get<int>(), 0);
  for (const auto& item : cheap["items"]) EXPECT_LE(item["net_cost_cents"].get<int64_t>(), 25000);
  const nlohmann::json sorted = nlohmann::json::parse(
      HttpGet(port, "/api/v1/search?q=cursus&per_page=20&sort=net&" + person).body);
  for (size_t i = 1; i < sorted["items"].size(); ++i) {
    EXPECT_LE(sorted["items"][i - 1]["net_cost_cents"].get<int64_t>(),
              sorted["items"][i]["net_cost_cents"].get<int64_t>());
  }
  const auto no_answers = HttpGet(port, "/api/v1/search?q=cursus&net_max=250");
  EXPECT_EQ(no_answers.status, 400);
  EXPECT_EQ(nlohmann::json::parse(no_answers.body)["error"]["field"], "net_max");
  EXPECT_EQ(HttpGet(port, "/zoeken?q=cursus&sort=net").status, 400);
  const auto filtered = HttpGet(port, "/zoeken?q=cursus&net_max=250&sort=net&" + person);
  ASSERT_EQ(filtered.status, 200);
  EXPECT_TRUE(Has(filtered.body, "id=\"net_max\" name=\"net_max\""));
  EXPECT_TRUE(Has(filtered.body, "<option value=\"net\" selected=\"selected\">"));
  const auto course = HttpGet(port, "/opleiding/" + id + "?" + person);
  EXPECT_TRUE(Has(course.body, "Wat kost het jou?"));
  EXPECT_TRUE(Has(course.body, "Jij betaalt dan"));
  EXPECT_TRUE(Has(HttpGet(port, "/opleiding/" + id).body, "href=\"/betalen?course=" + id + "\""));
  const auto compare = HttpGet(port, "/vergelijken?id=" + id + "&id=1&" + person);
  EXPECT_TRUE(Has(compare.body, "<th scope=\"row\">Kost jou</th>"));
  EXPECT_TRUE(Has(compare.body, "href=\"/vergelijken?id=1&amp;age=34"));  // remove keeps answers
}

// Funding answers are kept only when the person ticks the box, encrypted for a code shown once;
// the code brings them back (typed any way) or deletes them.
TEST_F(SitePagesTest, SavedAnswersNeedConsentAndOnlyTheCodeBringsThemBack) {
  const uint16_t port = Start();
  ASSERT_NE(port, 0);
  const std::string db = (dir_ / "verder.db").string();
  const std::string person = "age=34&education=mbo2&work=employee-permanent&postcode=3511";
  const auto results = HttpGet(port, "/betalen?" + person);
  ASSERT_EQ(results.status, 200);
  ASSERT_TRUE(Has(results.body, "action=\"/betalen/bewaren\""));
  std::smatch token;
  ASSERT_TRUE(
      std::regex_search(results.body, token, std::regex("name=\"token\" value=\"([0-9a-f.]+)\"")));
  const auto post = [&](const std::string& path, const std::string& body) {
    return testing::HttpSend(port, "POST", path,
                             {{"Content-Type", "application/x-www-form-urlencoded"}}, body);
  };
  const auto saved_rows = [&] {
    return testing::QueryInt(db, "SELECT COUNT(*) FROM saved_answers");
  };

  // Without the tick, or with a token that is not ours, nothing is kept.
  const auto no_consent = post("/betalen/bewaren", "token=" + token.str(1) + "&" + person);
  EXPECT_EQ(no_consent.status, 400);
  EXPECT_TRUE(Has(no_consent.body, "zonder jouw ja"));
  EXPECT_EQ(post("/betalen/bewaren", "token=1.ab&consent=yes&" + person).status, 403);
  // Answers are short: a huge "postcode" is a way to make us store data, not an answer.
  EXPECT_EQ(post("/betalen/bewaren",
                 "token=" + token.str(1) + "&consent=yes&age=34&postcode=" + std::string(2000, '9'))
                .status,
            400);
  EXPECT_EQ(saved_rows(), 0);

  const auto saved = post("/betalen/bewaren", "token=" + token.str(1) + "&consent=yes&" + person);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.headers.at("cache-control"), "no-store");
  std::smatch code;
  ASSERT_TRUE(std::regex_search(saved.body, code,
                                std::regex("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}")));
  EXPECT_EQ(saved_rows(), 1);
  // Only ciphertext is kept: the answers are nowhere in the database's files.
  for (const std::string& file : {db, db + "-wal"}) {
    EXPECT_FALSE(Has(testing::ReadAll(file), "postcode=3511")) << file;
  }

  const auto restore_page = HttpGet(port, "/betalen/ophalen");
  ASSERT_EQ(restore_page.status, 200);
  ASSERT_TRUE(std::regex_search(restore_page.body, token,
                                std::regex("name=\"token\" value=\"([0-9a-f.]+)\"")));
  // Typed in capitals, without dashes: the answers come back in the results' address.
  std::string typed = code.str(0);
  typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
  for (char& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto back =
      post("/betalen/ophalen", "token=" + token.str(1) + "&action=restore&code=" + typed);
  ASSERT_EQ(back.status, 303) << back.body;
  const std::string location = back.headers.at("location");
  EXPECT_EQ(location.rfind("/betalen?", 0), 0U) << location;
  for (const char* part : {"age=34", "education=mbo2", "work=employee-permanent", "postcode=3511"})
    EXPECT_TRUE(Has(location, part)) << location;

  // Another code finds nothing; what is no code at all is named.
  EXPECT_EQ(post("/betalen/ophalen", "token=" + token.str(1) + "&code=aaaa-bbbb-cccc-dddd").status,
            404);
  const auto not_a_code = post("/en/funding/restore", "token=" + token.str(1) + "&code=hallo");
  EXPECT_EQ(not_a_code.status, 400);
  EXPECT_TRUE(Has(not_a_code.body, "This is not a code"));

  // Deleting with the code removes them for good.
  const auto deleted =
      post("/betalen/ophalen", "token=" + token.str(1) + "&action=delete&code=" + code.str(0));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_TRUE(Has(deleted.body, "gewist"));
  EXPECT_EQ(saved_rows(), 0);
  EXPECT_EQ(post("/betalen/ophalen", "token=" + token.str(1) + "&code=" + code.str(0)).status, 404);
}

}  // namespace
}  // namespace verder
