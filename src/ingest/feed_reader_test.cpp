#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/feed_test_support.h"

namespace verder {
namespace {

using nlohmann::json;

class FeedReaderTest : public ::testing::Test {
 protected:
  FeedParse Read(std::string_view body) { return ReadJsonFeed(body, &geo_); }
  FeedParse ReadOne(const json& course) { return Read(json::array({course}).dump()); }

  GeoIndex geo_{feed_test::Reference()};
};

bool HasProblem(const FeedParse& parse, const std::string& field, const std::string& code) {
  for (const FeedRejection& r : parse.rejected) {
    if (r.field == field && r.code == code && !r.message.empty()) return true;
  }
  return false;
}

TEST_F(FeedReaderTest, ValidCourseIsReadFieldByField) {
  const FeedParse parse = ReadOne(feed_test::ValidCourse());
  ASSERT_TRUE(parse.rejected.empty()) << feed_test::Describe(parse);
  ASSERT_EQ(parse.records.size(), 1U);
  const FeedRecord& r = parse.records[0];
  EXPECT_EQ(r.index, 0U);
  EXPECT_FALSE(r.line.has_value());
  EXPECT_EQ(r.external_id, "c-1");
  const Course& c = r.course.course;
  EXPECT_EQ(c.provider_id, 0);
  EXPECT_EQ(c.external_id, "c-1");
  EXPECT_EQ(c.primary_code, (CourseCode{"provider", "BK-101"}));
  EXPECT_EQ(c.title, (LocalizedText{"Basiscursus boekhouden", "Bookkeeping basics"}));
  EXPECT_EQ(c.description.nl, "Je leert een administratie bijhouden.");
  EXPECT_EQ(c.prerequisites.nl, "Geen vooropleiding nodig.");
  EXPECT_EQ(c.exam, "Praktijkopdracht");
  EXPECT_EQ(c.goal.nl, "Zelf de boeken bijhouden.");
  EXPECT_EQ(c.level, Level::kMbo3);
  EXPECT_EQ(c.nlqf, 3);
  EXPECT_EQ(c.language, "nl");
  EXPECT_EQ(c.mode, DeliveryMode::kClassroom);
  EXPECT_EQ(c.study_load_hours, 40);
  EXPECT_EQ(c.duration_weeks, 8);
  EXPECT_EQ(c.sector, "Financiële dienstverlening");
  EXPECT_EQ(c.skills, (std::vector<std::string>{"boekhouden", "btw-aangifte"}));
  EXPECT_EQ(c.quality_marks, (std::vector<std::string>{"NRTO-keurmerk"}));
  EXPECT_EQ(c.funding_flags, kFundingStapRegister | kFundingNlqfPlaced);
  EXPECT_EQ(c.credential, Credential::kCertificate);
  EXPECT_EQ(c.pe_points, 4);
  EXPECT_EQ(c.theory_percent, 60);
  EXPECT_EQ(c.costs.registration_cents, 2500);
  EXPECT_EQ(c.costs.tuition_cents, 49500);
  EXPECT_TRUE(c.costs.stated);
  EXPECT_TRUE(c.costs.vat_included);
  ASSERT_EQ(r.course.offerings.size(), 2U);
  const Offering& o1 = r.course.offerings[0];
  EXPECT_EQ(o1.external_id, "o-1");
  EXPECT_EQ(o1.start->ToString(), "2026-09-01");
  EXPECT_EQ(o1.end->ToString(), "2026-10-27");
  EXPECT_EQ(o1.location, (Location{"3511 AB", "0344", "Utrecht", "Oudegracht 12"}));
  EXPECT_EQ(o1.daypart, Daypart::kEvening);
  EXPECT_EQ(o1.seats, 12);
  EXPECT_EQ(o1.price_cents, 56000);  // differs from the course's 520.00
  EXPECT_EQ(o1.enrol_url, "https://opleider.example.nl/boekhouden");  // the course's link
  const Offering& o2 = r.course.offerings[1];
  EXPECT_EQ(o2.location, (Location{"9711", "0014", "Groningen", ""}));
  EXPECT_FALSE(o2.price_cents.has_value());
  EXPECT_EQ(o2.enrol_url, "https://opleider.example.nl/boekhouden/groningen");
}

// Every rule of testdata/feed_rules.json: the valid course, edited to break one rule, must be
// rejected with a problem naming that rule's field and code.
TEST_F(FeedReaderTest, EveryRuleRejectsWhatBreaksIt) {
  const json cases =
      json::parse(feed_test::SourceFile("src/ingest/testdata/feed_rules.json"))["cases"];
  ASSERT_GT(cases.size(), 50U);
  for (const json& c : cases) {
    json course = feed_test::ValidCourse();
    // value() returns a copy: keep it alive while iterating.
    const json set = c.value("set", json::object());
    const json remove = c.value("remove", json::array());
    const json repeat = c.value("repeat", json::object());
    const json list_of = c.value("list", json::object());
    for (const auto& [pointer, value] : set.items()) {
      course[json::json_pointer(pointer)] = value;
    }
    for (const json& pointer : remove) {
      const json::json_pointer p(pointer.get<std::string>());
      course[p.parent_pointer()].erase(p.back());
    }
    for (const auto& [pointer, spec] : repeat.items()) {
      std::string text;
      for (int i = 0; i < spec[1].get<int>(); ++i) text += spec[0].get<std::string>();
      course[json::json_pointer(pointer)] = text;
    }
    for (const auto& [pointer, spec] : list_of.items()) {
      json list = json::array();
      for (int i = 0; i < spec[1].get<int>(); ++i) {
        list.push_back(spec[0].get<std::string>() + " " + std::to_string(i));
      }
      course[json::json_pointer(pointer)] = list;
    }
    const FeedParse parse = ReadOne(course);
    const std::string name = c["name"];
    EXPECT_TRUE(parse.records.empty()) << name;
    EXPECT_EQ(parse.records_rejected, 1U) << name;
    EXPECT_TRUE(HasProblem(parse, c["field"], c["code"]))
        << name << ": expected " << c["field"] << " [" << c["code"] << "], got\n"
        << feed_test::Describe(parse);
    for (const FeedRejection& r : parse.rejected) {
      EXPECT_EQ(r.index, 0U) << name;
      if (course.contains("courseId") && course["courseId"].is_string()) {
        EXPECT_EQ(r.id, "c-1") << name;
      }
    }
  }
}

TEST_F(FeedReaderTest, RecordWithSeveralProblemsListsThemAll) {
  json course = feed_test::ValidCourse();
  course["level"] = "phd";
  course["offerings"][0]["startDate"] = "soon";
  course["offerings"][1]["link"] = "javascript:void(0)";
  const FeedParse parse = ReadOne(course);
  EXPECT_TRUE(parse.records.empty());
  EXPECT_EQ(parse.records_rejected, 1U);
  EXPECT_EQ(parse.rejected.size(), 3U) << feed_test::Describe(parse);
  EXPECT_TRUE(HasProblem(parse, "level", "enum"));
  EXPECT_TRUE(HasProblem(parse, "offerings[0].startDate", "date"));
  EXPECT_TRUE(HasProblem(parse, "offerings[1].link", "url"));
}

TEST_F(FeedReaderTest, ArrayNamesRecordsByIndexAndKeepsTheValidOnes) {
  json bad = feed_test::ValidCourse();
  bad["courseId"] = "c-2";
  bad["name"][0]["value"] = "<h1>Boekhouden</h1>";
  json good = feed_test::ValidCourse();
  good["courseId"] = "c-3";
  const FeedParse parse = Read(json::array({feed_test::ValidCourse(), bad, good}).dump(2));
  ASSERT_EQ(parse.records.size(), 2U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].index, 0U);
  EXPECT_EQ(parse.records[1].index, 2U);
  EXPECT_EQ(parse.records[1].external_id, "c-3");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].index, 1U);
  EXPECT_EQ(parse.rejected[0].id, "c-2");
  EXPECT_EQ(parse.rejected[0].field, "name[0].value");
  EXPECT_EQ(parse.rejected[0].code, "markup");
}

TEST_F(FeedReaderTest, NdjsonNamesRecordsByLine) {
  json second = feed_test::ValidCourse();
  second["courseId"] = "c-2";
  second["offerings"][0]["endDate"] = "2026-08-31";
  json third = feed_test::ValidCourse();
  third["courseId"] = "c-3";
  const std::string body = feed_test::ValidCourse().dump() + "\r\n" + second.dump() +
                           "\n\n{\"courseId\": \"c-x\", \"name\": [\n" + third.dump() + "\n";
  const FeedParse parse = Read(body);
  ASSERT_EQ(parse.records.size(), 2U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].line, 1U);
  EXPECT_EQ(parse.records[1].line, 5U);
  EXPECT_FALSE(parse.records[1].index.has_value());
  ASSERT_EQ(parse.rejected.size(), 2U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.rejected[0].line, 2U);
  EXPECT_EQ(parse.rejected[0].field, "offerings[0].endDate");
  EXPECT_EQ(parse.rejected[1].line, 4U);
  EXPECT_EQ(parse.rejected[1].code, "json");
  EXPECT_EQ(parse.records_rejected, 2U);
}

TEST_F(FeedReaderTest, PrettyPrintedSingleCourseIsOneRecord) {
  const FeedParse parse = Read(feed_test::ValidCourse().dump(2));
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].line, 1U);
}

TEST_F(FeedReaderTest, LaterDuplicateIdIsRejectedAndSaysWhereTheFirstWas) {
  json other = feed_test::ValidCourse();
  other["name"][0]["value"] = "Een andere cursus";
  const FeedParse parse = Read(json::array({feed_test::ValidCourse(), other, other}).dump());
  ASSERT_EQ(parse.records.size(), 1U);
  EXPECT_EQ(parse.records[0].course.course.title.nl, "Basiscursus boekhouden");
  ASSERT_EQ(parse.rejected.size(), 2U);
  for (const FeedRejection& r : parse.rejected) {
    EXPECT_EQ(r.code, "duplicate_id");
    EXPECT_EQ(r.field, "courseId");
    EXPECT_NE(r.message.find("index 0"), std::string::npos) << r.message;
  }
  EXPECT_EQ(parse.rejected[1].index, 2U);
}

TEST_F(FeedReaderTest, KnownPostcodesGetTheirMunicipalityUnknownOnesAreRejected) {
  json course = feed_test::ValidCourse();
  course["offerings"][1]["addresses"][0] = {{"postalCode", "6211 ab"}};
  FeedParse parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.offerings[1].location,
            (Location{"6211 AB", "0935", "Maastricht", ""}));

  course["offerings"][1]["addresses"][0] = {{"city", "Groningen"}};  // a town alone
  parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.offerings[1].location,
            (Location{"9711", "0014", "Groningen", ""}));

  course["offerings"][1]["addresses"][0] = {{"postalCode", "1234 AB"}};
  parse = ReadOne(course);
  EXPECT_TRUE(parse.records.empty());
  EXPECT_TRUE(HasProblem(parse, "offerings[1].addresses[0].postalCode", "unknown_postcode"));

  // Without reference data postcodes are checked for their form only.
  parse = ReadJsonFeed(json::array({course}).dump(), nullptr);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.offerings[1].location.postcode, "1234 AB");
}

TEST_F(FeedReaderTest, CourseAddressIsTheDefaultForOfferingsWithout) {
  json course = feed_test::ValidCourse();
  course["addresses"] = json::array({{{"addressType", "visit"}, {"postalCode", "1012"}}});
  course["offerings"][1].erase("addresses");
  const FeedParse parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.offerings[1].location.municipality_code, "0363");
  EXPECT_EQ(parse.records[0].course.offerings[0].location.municipality_code, "0344");
}

TEST_F(FeedReaderTest, BytesThatAreNotUtf8AreRejectedWithTheirLine) {
  json bad = feed_test::ValidCourse();
  bad["courseId"] = "c-2";
  std::string line2 = bad.dump();
  line2.replace(line2.find("Basiscursus"), 1, "\xC0");  // an overlong start byte
  const FeedParse ndjson = Read(feed_test::ValidCourse().dump() + "\n" + line2 + "\n");
  ASSERT_EQ(ndjson.records.size(), 1U);
  ASSERT_EQ(ndjson.rejected.size(), 1U);
  EXPECT_EQ(ndjson.rejected[0].line, 2U);
  EXPECT_EQ(ndjson.rejected[0].code, "utf8");

  std::string array = json::array({feed_test::ValidCourse()}).dump();
  array.replace(array.find("boekhouden"), 1, "\xFF");
  const FeedParse whole = Read(array);
  EXPECT_TRUE(whole.records.empty());
  ASSERT_EQ(whole.rejected.size(), 1U);
  EXPECT_EQ(whole.rejected[0].code, "utf8");
  EXPECT_EQ(whole.rejected[0].line, 1U);
}

TEST_F(FeedReaderTest, BodyThatIsNotJsonGivesOneRejectionWithItsPosition) {
  FeedParse parse = Read("<html><body>Oops</body></html>");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");
  EXPECT_EQ(parse.rejected[0].line, 1U);
  EXPECT_TRUE(parse.records.empty());

  parse = Read("[\n" + feed_test::ValidCourse().dump() + ",\n{\"courseId\": \"c-2\",,}\n]");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");
  EXPECT_EQ(parse.rejected[0].line, 3U);
  EXPECT_NE(parse.rejected[0].message.find("line 3, column"), std::string::npos)
      << parse.rejected[0].message;
  EXPECT_TRUE(parse.records.empty());  // a broken array keeps nothing

  parse = Read("   \n ");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");

  parse = Read("[1, \"two\", " + feed_test::ValidCourse().dump() + "]");
  EXPECT_EQ(parse.records.size(), 1U);
  EXPECT_EQ(parse.records_rejected, 2U);
  EXPECT_EQ(parse.rejected[1].index, 1U);
  EXPECT_EQ(parse.rejected[1].code, "json");
}

// A feed large enough to be read on several threads: every record keeps its own position, the
// duplicate check spans the slices, and the order of records and rejections is the feed's.
TEST_F(FeedReaderTest, LargeFeedReadInParallelKeepsFeedOrderAndCrossSliceDuplicates) {
  constexpr int kCourses = 3000;
  std::vector<json> courses;
  for (int i = 0; i < kCourses; ++i) {
    json c = feed_test::ValidCourse();
    c["courseId"] = "c-" + std::to_string(i);
    if (i % 500 == 7) c["name"][0]["value"] = "<b>markup</b>";  // invalid
    courses.push_back(c);
  }
  courses[kCourses - 1]["courseId"] = "c-10";  // a duplicate of a course far earlier
  std::string ndjson;
  for (const json& c : courses) ndjson += c.dump() + "\n";
  for (const FeedParse& parse : {Read(json(courses).dump()), Read(ndjson)}) {
    const bool array = parse.records.empty() || parse.records[0].index.has_value();
    ASSERT_EQ(parse.records.size(), static_cast<size_t>(kCourses - 6 - 1));
    ASSERT_EQ(parse.rejected.size(), 7U) << feed_test::Describe(parse);
    for (size_t i = 0; i + 1 < parse.records.size(); ++i) {
      const size_t here = array ? *parse.records[i].index : *parse.records[i].line;
      const size_t next = array ? *parse.records[i + 1].index : *parse.records[i + 1].line;
      EXPECT_LT(here, next);
      EXPECT_EQ(parse.records[i].external_id, "c-" + std::to_string(array ? here : here - 1));
    }
    for (int k = 0; k < 6; ++k) {
      EXPECT_EQ(parse.rejected[k].code, "markup");
      EXPECT_EQ(parse.rejected[k].id, "c-" + std::to_string(500 * k + 7));
    }
    EXPECT_EQ(parse.rejected[6].code, "duplicate_id");
    EXPECT_EQ(array ? *parse.rejected[6].index : *parse.rejected[6].line - 1,
              static_cast<size_t>(kCourses - 1));
  }
  // One broken element anywhere in a large array breaks the whole document, as it must.
  std::string broken = json(courses).dump();
  broken.insert(broken.find("},{", broken.size() / 2), "}");
  const FeedParse parse = Read(broken);
  EXPECT_TRUE(parse.records.empty());
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");
}

TEST_F(FeedReaderTest, ArraySplitHandlesStringsAndRejectsWhatTheParserRejects) {
  // Brackets, braces, commas and escaped quotes inside strings belong to the string.
  json c = feed_test::ValidCourse();
  c["description"][0]["value"] = "Een \"cursus\" met [haken], {accolades} en \\ tekens, ook ]";
  FeedParse parse = Read(json::array({c}).dump());
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.course.description.nl, c["description"][0]["value"]);
  parse = Read("[]");
  EXPECT_TRUE(parse.records.empty());
  EXPECT_TRUE(parse.rejected.empty());
  for (const std::string bad : {"[1,]", "[{]}", "[1] x", "[1", "[,1]"}) {
    parse = Read(bad);
    ASSERT_EQ(parse.rejected.size(), 1U) << bad;
    EXPECT_EQ(parse.rejected[0].code, "json") << bad;
    EXPECT_FALSE(parse.rejected[0].index.has_value()) << bad;  // the document, not a record
  }
}

TEST_F(FeedReaderTest, DeepNestingIsRefusedBeforeParsing) {
  std::string deep;
  deep.resize(50'000'000, '[');  // a 50 MB body
  const auto start = std::chrono::steady_clock::now();
  FeedParse parse = Read(deep);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "too_deep");

  json nested = "x";
  for (int i = 0; i < 40; ++i) nested = json::array({nested});
  json course = feed_test::ValidCourse();
  course["ext"]["x-deep"] = nested;
  parse = Read(feed_test::ValidCourse().dump() + "\n" + course.dump() + "\n");
  EXPECT_EQ(parse.records.size(), 1U);
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "too_deep");
  EXPECT_EQ(parse.rejected[0].line, 2U);

  // Brackets inside texts are text.
  course["ext"].erase("x-deep");
  course["description"][0]["value"] = std::string(100, '[') + " haakjes";
  parse = ReadOne(course);
  EXPECT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
}

TEST_F(FeedReaderTest, HugeTextIsALengthProblemNotACrash) {
  json course = feed_test::ValidCourse();
  course["description"][0]["value"] =
      std::string(8'000'000, 'a');  // 8 MB: the parser is slow in Debug builds
  const FeedParse parse = ReadOne(course);
  EXPECT_TRUE(parse.records.empty());
  EXPECT_TRUE(HasProblem(parse, "description[0].value", "length")) << parse.rejected.size();
}

// Found by fuzz/json_feed_fuzzer (fuzz/corpus/json_feed/number_overflow.json): nlohmann throws
// out_of_range, not parse_error, for a number beyond a double's range, and nothing caught it: one
// upload ended the server.
TEST_F(FeedReaderTest, NumbersBeyondRangeAreAProblemNotACrash) {
  FeedParse parse = Read(R"([{"courseId": "a", "ext": {"nlqf": 1e400}}])");
  EXPECT_TRUE(parse.records.empty());
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");
  EXPECT_EQ(parse.rejected[0].line, 1U);
  const std::string ok = feed_test::ValidCourse().dump();
  parse = Read(ok + "\n{\"courseId\": \"b\", \"x\": -6E6666666}\n");
  EXPECT_EQ(parse.records.size(), 1U);
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "json");
  EXPECT_EQ(parse.rejected[0].line, 2U);
}

// simdjson, which reads feeds, refuses integers beyond 64 bits; they are valid JSON, so the
// record is read as before (nlohmann takes them as doubles): a type problem, not "not JSON".
TEST_F(FeedReaderTest, IntegersBeyondSixtyFourBitsAreATypeProblem) {
  json course = feed_test::ValidCourse();
  course["offerings"][0].erase("maxNumberStudents");
  std::string body = course.dump();
  const std::string key = "\"offerings\":[{";
  const size_t at = body.find(key);
  ASSERT_NE(at, std::string::npos);
  body.insert(at + key.size(), "\"maxNumberStudents\":123456789012345678901234567890,");
  for (const std::string& feed : {body, "[" + body + "]"}) {
    const FeedParse parse = Read(feed);
    EXPECT_TRUE(parse.records.empty()) << feed_test::Describe(parse);
    EXPECT_TRUE(HasProblem(parse, "offerings[0].maxNumberStudents", "type"))
        << feed_test::Describe(parse);
  }
  // Within 64 bits but above a signed one: out of range for the catalogue, not a crash.
  course["offerings"][0]["maxNumberStudents"] = 18446744073709551615ULL;
  const FeedParse parse = ReadOne(course);
  EXPECT_TRUE(parse.records.empty());
  EXPECT_FALSE(parse.rejected.empty());
}

// A member given twice (RFC 8259 leaves it to the reader): the first counts, in NDJSON and in
// arrays alike.
TEST_F(FeedReaderTest, AMemberGivenTwiceCountsOnce) {
  const std::string body = feed_test::ValidCourse().dump();
  const std::string twice = "{\"courseId\":\"first\"," + body.substr(1);
  for (const std::string& feed : {twice, "[" + twice + "]"}) {
    const FeedParse parse = Read(feed);
    ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
    EXPECT_EQ(parse.records[0].external_id, "first");
  }
}

// Whole numbers where a number may be a fraction (studyLoad.value) and text escapes come
// through the reader unchanged.
TEST_F(FeedReaderTest, ReadsWholeNumbersAsNumbersAndUnescapesText) {
  json course = feed_test::ValidCourse();
  course["studyLoad"] = {{"studyLoadUnit", "ects"}, {"value", 2}};
  course["name"][0]["value"] = "Zorg \"thuis\" \u00e9\u20ac\\ en\tmeer";
  const FeedParse parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.course.study_load_hours, 56);
}

TEST_F(FeedReaderTest, ManyBrokenLinesAreCountedBeyondTheCap) {
  std::string body;
  for (int i = 0; i < 3000; ++i) body += "{\"courseId\": " + std::to_string(i) + "}\n";
  const FeedParse parse = ReadJsonFeed(body, &geo_, {.max_rejections = 100});
  EXPECT_EQ(parse.rejected.size(), 100U);
  EXPECT_GT(parse.more_rejected, 2900U);
  EXPECT_EQ(parse.records_rejected, 3000U);
}

TEST_F(FeedReaderTest, OoapiV6SpellingsAreRead) {
  json course = feed_test::ValidCourse();
  course.erase("teachingLanguage");
  course.erase("modeOfDelivery");
  course["teachingLanguages"] = {"eng", "nld"};
  course["modesOfDelivery"] = {"online", "on campus"};
  course["ext"].erase("costs");
  course["offerings"][0]["priceInformation"][0]["costType"] = "total_costs";
  const FeedParse parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  const Course& c = parse.records[0].course.course;
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.mode, DeliveryMode::kBlended);  // on campus and online together
  EXPECT_EQ(c.costs.tuition_cents, 56000);    // plain OOAPI: the first total is the price
  EXPECT_EQ(c.costs.Total(), 56000);
  EXPECT_FALSE(parse.records[0].course.offerings[0].price_cents.has_value());
}

TEST_F(FeedReaderTest, PlainOoapiWithoutPricesIsNotStatedAndDefaultsApply) {
  const json course = json::parse(R"({
    "courseId": "min-1",
    "name": [{"language": "nl", "value": "Kort"}],
    "level": "bachelor",
    "studyLoad": {"studyLoadUnit": "ects", "value": 2.5},
    "duration": "P2M",
    "offerings": [{"offeringId": "a"}]})");
  const FeedParse parse = ReadOne(course);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  const Course& c = parse.records[0].course.course;
  EXPECT_FALSE(c.costs.stated);
  EXPECT_EQ(c.level, Level::kHboBachelor);
  EXPECT_EQ(c.primary_code, (CourseCode{"provider", "min-1"}));
  EXPECT_EQ(c.language, "nl");
  EXPECT_EQ(c.study_load_hours, 70);  // 28 hours per EC
  EXPECT_EQ(c.duration_weeks, 9);
  EXPECT_EQ(c.theory_percent, -1);
}

TEST_F(FeedReaderTest, ExampleFeedHasNoProblems) {
  const std::string body = feed_test::SourceFile("data/feeds/example.json");
  ASSERT_FALSE(body.empty());
  const FeedParse parse = Read(body);
  EXPECT_TRUE(parse.rejected.empty()) << feed_test::Describe(parse);
  EXPECT_GE(parse.records.size(), 3U);
}

}  // namespace
}  // namespace verder
