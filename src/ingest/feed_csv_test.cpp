#include "ingest/feed_csv.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/feed_reader.h"
#include "ingest/feed_test_support.h"

namespace verder {
namespace {

class FeedCsvTest : public ::testing::Test {
 protected:
  FeedParse Read(std::string_view text) { return ReadCsvFeed(text, &geo_); }

  GeoIndex geo_{feed_test::Reference()};
};

const FeedRejection* Find(const FeedParse& parse, const std::string& field,
                          const std::string& code) {
  for (const FeedRejection& r : parse.rejected) {
    if (r.field == field && r.code == code) return &r;
  }
  return nullptr;
}

constexpr const char* kHeader =
    "course_id;name_nl;level;cost_tuition;offering_id;start_date;end_date;price;postcode;city;"
    "enrol_url\n";

TEST_F(FeedCsvTest, TemplateNamesEveryColumnAndReadsAsAnEmptyFeed) {
  const std::string header = CsvFeedTemplate();
  EXPECT_EQ(header.substr(0, 19), "course_id;code_type");
  EXPECT_EQ(header.back(), '\n');
  for (const std::string& column : CsvFeedColumns()) {
    EXPECT_NE(header.find(column), std::string::npos) << column;
  }
  EXPECT_EQ(CsvFeedColumns().size(), 44U);
  const FeedParse parse = Read(header);
  EXPECT_TRUE(parse.records.empty());
  EXPECT_TRUE(parse.rejected.empty()) << feed_test::Describe(parse);
}

TEST_F(FeedCsvTest, ExampleFileHasNoProblemsAndMatchesTheJsonExample) {
  const FeedParse csv = Read(feed_test::SourceFile("data/feeds/example.csv"));
  ASSERT_TRUE(csv.rejected.empty()) << feed_test::Describe(csv);
  ASSERT_EQ(csv.records.size(), 3U);
  EXPECT_EQ(csv.records[0].line, 2U);
  EXPECT_EQ(csv.records[1].line, 4U);
  const CourseWithOfferings& bk = csv.records[0].course;
  EXPECT_EQ(bk.course.level, Level::kMbo3);
  EXPECT_EQ(bk.course.costs.Total(), 52000);  // "25,00" + "495,00"
  EXPECT_EQ(bk.course.skills, (std::vector<std::string>{"boekhouden", "btw-aangifte"}));
  ASSERT_EQ(bk.offerings.size(), 2U);
  EXPECT_EQ(bk.offerings[0].location, (Location{"3511 AB", "0344", "Utrecht", "Oudegracht 12"}));
  EXPECT_FALSE(bk.offerings[0].price_cents.has_value());  // equal to the course total
  EXPECT_EQ(bk.offerings[1].price_cents, 48000);
  EXPECT_EQ(bk.offerings[1].daypart, Daypart::kDaytime);

  // The JSON example describes the same three courses.
  const FeedParse from_json = ReadJsonFeed(feed_test::SourceFile("data/feeds/example.json"), &geo_);
  ASSERT_EQ(from_json.records.size(), 3U) << feed_test::Describe(from_json);
  for (size_t i = 0; i < 3; ++i) {
    const Course& a = csv.records[i].course.course;
    const Course& b = from_json.records[i].course.course;
    EXPECT_EQ(a.external_id, b.external_id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.costs, b.costs) << a.external_id;
    EXPECT_EQ(a.mode, b.mode) << a.external_id;
    EXPECT_EQ(a.language, b.language) << a.external_id;
    EXPECT_EQ(a.study_load_hours, b.study_load_hours) << a.external_id;
    EXPECT_EQ(a.funding_flags, b.funding_flags) << a.external_id;
    EXPECT_EQ(csv.records[i].course.offerings, from_json.records[i].course.offerings)
        << a.external_id;
  }
}

TEST_F(FeedCsvTest, ProblemsNameTheLineOfTheirRowAndTheColumn) {
  const std::string text = std::string(kHeader) +
                           "c1;Cursus;mbo-2;100;r1;2026-01-05;2026-02-01;;3511;;https://a.nl\n"
                           "c1;;;;r2;05-01-2026;;;;;https://a.nl\n"
                           "c2;<b>Vet</b>;;;r1;;;;;;javascript:alert(1)\n"
                           "c3;Goed;;;r1;;;;9999;;\n"
                           "c4;Ook goed;;;;;;;;;\n";
  const FeedParse parse = Read(text);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].external_id, "c4");
  EXPECT_TRUE(parse.records[0].course.offerings.empty());  // course columns only: no runs
  EXPECT_EQ(parse.records_rejected, 3U);
  const FeedRejection* date = Find(parse, "start_date", "date");
  ASSERT_NE(date, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(date->line, 3U);
  EXPECT_EQ(date->id, "c1");
  const FeedRejection* markup = Find(parse, "name_nl", "markup");
  ASSERT_NE(markup, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(markup->line, 4U);
  const FeedRejection* url = Find(parse, "enrol_url", "url");
  ASSERT_NE(url, nullptr);
  EXPECT_EQ(url->line, 4U);
  const FeedRejection* postcode = Find(parse, "postcode", "unknown_postcode");
  ASSERT_NE(postcode, nullptr);
  EXPECT_EQ(postcode->line, 5U);
}

TEST_F(FeedCsvTest, RowsOfACourseMayBeApartButMustAgree) {
  const std::string text = std::string(kHeader) +
                           "c1;Cursus;mbo-2;100;r1;;;;;;\n"
                           "c2;Andere;;;r1;;;;;;\n"
                           "c1;Cursus;;;r2;;;;;;\n"
                           "c2;Anders;;;r2;;;;;;\n";
  const FeedParse parse = Read(text);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.offerings.size(), 2U);
  const FeedRejection* clash = Find(parse, "name_nl", "inconsistent");
  ASSERT_NE(clash, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(clash->line, 5U);
  EXPECT_NE(clash->message.find("line 3"), std::string::npos) << clash->message;
}

TEST_F(FeedCsvTest, DuplicateOfferingIdsAndRequiredColumns) {
  FeedParse parse = Read(std::string(kHeader) + "c1;Cursus;;;r1;;;;;;\nc1;;;;r1;;;;;;\n");
  const FeedRejection* dup = Find(parse, "offering_id", "duplicate_id");
  ASSERT_NE(dup, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(dup->line, 3U);

  parse = Read(std::string(kHeader) + ";Cursus;;;;;;;;;\nc2;;;;;;;;;;\n");
  EXPECT_NE(Find(parse, "course_id", "required"), nullptr) << feed_test::Describe(parse);
  EXPECT_NE(Find(parse, "name_nl", "required"), nullptr) << feed_test::Describe(parse);

  parse = Read(std::string(kHeader) + "c1;Cursus;;;;2026-01-05;;;;;\n");
  EXPECT_NE(Find(parse, "offering_id", "required"), nullptr) << feed_test::Describe(parse);
}

TEST_F(FeedCsvTest, ValuesAreCheckedPerColumn) {
  struct Case {
    const char* column;
    const char* value;
    const char* code;
    const char* field = nullptr;  // when not the column itself
  };
  const Case cases[] = {
      {"level", "phd", "enum"},
      {"mode", "by pigeon", "enum"},
      {"language", "klingon", "enum"},
      {"funding", "stap|gratis", "enum"},
      {"nlqf", "9", "range"},
      {"nlqf", "drie", "type"},
      {"seats", "12.5", "type"},
      {"price", "12.345", "price"},
      {"price", "-5", "price"},
      {"price", "1.250,00", "price"},
      {"cost_tuition", "100000.01", "price"},
      {"vat_included", "misschien", "enum"},
      {"daypart", "night", "enum"},
      {"offering_status", "full", "enum"},
      {"end_date", "2025-12-31", "date"},
      {"postcode", "ABCD", "postcode"},
      {"skills", "a|<i>b</i>", "markup", "skills[1]"},
      {"credential", "medal", "enum"},
  };
  for (const Case& c : cases) {
    const std::string text = std::string("course_id;name_nl;offering_id;start_date;") + c.column +
                             "\nc1;Cursus;r1;2026-01-05;" + c.value + "\n";
    const FeedParse parse = Read(text);
    EXPECT_TRUE(parse.records.empty()) << c.column << "=" << c.value;
    const FeedRejection* r = Find(parse, c.field != nullptr ? c.field : c.column, c.code);
    EXPECT_TRUE(r != nullptr && r->line == 2U)
        << c.column << "=" << c.value << " expected [" << c.code << "]\n"
        << feed_test::Describe(parse);
  }
}

TEST_F(FeedCsvTest, FriendlySpreadsheetValues) {
  const std::string text =
      "Course_ID,Name_NL,cost_tuition,vat_included,level,mode,language,offering_id,price,postcode,"
      ",\n"
      "c1,Cursus,\"1250,50\",nee,secondary vocational education 2,on campus,nld,r1,99,3511ab,,\n";
  const FeedParse parse = Read(text);
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  const CourseWithOfferings& c = parse.records[0].course;
  EXPECT_EQ(c.course.costs.tuition_cents, 125050);
  EXPECT_FALSE(c.course.costs.vat_included);
  EXPECT_EQ(c.course.level, Level::kMbo2);
  EXPECT_EQ(c.course.mode, DeliveryMode::kClassroom);
  EXPECT_EQ(c.course.language, "nl");
  EXPECT_EQ(c.offerings[0].price_cents, 9900);
  EXPECT_EQ(c.offerings[0].location.postcode, "3511 AB");
}

TEST_F(FeedCsvTest, NonUtf8BytesAreATextProblemOnTheirLine) {
  const FeedParse parse = Read("course_id;name_nl\nc1;Cursus\nc2;Caf\xE9\n");
  ASSERT_EQ(parse.records.size(), 1U);
  const FeedRejection* r = Find(parse, "name_nl", "utf8");
  ASSERT_NE(r, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(r->line, 3U);
}

// Found by fuzz/csv_feed_fuzzer (crash input in fuzz/corpus/csv_feed/enrol_url_not_utf8.csv): the
// address was kept and the store could not write the course as JSON.
TEST_F(FeedCsvTest, NonUtf8BytesInAnAddressAreAProblemToo) {
  const FeedParse parse =
      Read("course_id;name_nl;offering_id;enrol_url\nc1;Cursus;r1;https://a.nl/caf\xE9\n");
  EXPECT_TRUE(parse.records.empty());
  const FeedRejection* r = Find(parse, "enrol_url", "utf8");
  ASSERT_NE(r, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(r->line, 2U);
}

// Found by fuzz/csv_feed_fuzzer (fuzz/corpus/csv_feed/code_type_not_utf8.csv): the course code
// was never checked, so the same crash came through code_type.
TEST_F(FeedCsvTest, CourseCodesAreTextAndChecked) {
  const FeedParse parse = Read(
      "course_id;name_nl;code_type;code\nc1;Cursus;p\xF0rovider;BK-1\nc2;Cursus;crebo;\xFF\n"
      "c3;Cursus;crebo;" +
      std::string(101, '7') + "\nc4;Cursus;crebo;25655\n");
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  EXPECT_EQ(parse.records[0].course.course.primary_code.code, "25655");
  const FeedRejection* type = Find(parse, "code_type", "utf8");
  ASSERT_NE(type, nullptr) << feed_test::Describe(parse);
  EXPECT_EQ(type->line, 2U);
  EXPECT_NE(Find(parse, "code", "utf8"), nullptr) << feed_test::Describe(parse);
  EXPECT_NE(Find(parse, "code", "length"), nullptr) << feed_test::Describe(parse);
}

// Found by fuzz/csv_feed_fuzzer (fuzz/corpus/csv_feed/vat_without_price.csv): the VAT columns
// of a course without a price were kept, and lost in the open-data export.
TEST_F(FeedCsvTest, VatColumnsWithoutAPriceMeanNothing) {
  const FeedParse parse = Read("course_id;name_nl;vat_included;vat_exempt\nc1;Cursus;nee;ja\n");
  ASSERT_EQ(parse.records.size(), 1U) << feed_test::Describe(parse);
  const CostBreakdown& costs = parse.records[0].course.course.costs;
  EXPECT_FALSE(costs.stated);
  EXPECT_TRUE(costs.vat_included);
  EXPECT_FALSE(costs.vat_exempt);
}

TEST_F(FeedCsvTest, BrokenFilesAreRejectedWhole) {
  FeedParse parse = Read("course_id;name_nl;start_dat\nc1;Cursus;2026-01-01\n");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "csv");
  EXPECT_EQ(parse.rejected[0].field, "start_dat");
  EXPECT_TRUE(parse.records.empty());

  parse = Read("course_id;name_nl\nc1;Cursus\nc2;\"Niet gesloten\nc3;Ook\n");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "csv");
  EXPECT_EQ(parse.rejected[0].line, 3U);
  EXPECT_TRUE(parse.records.empty());  // c1 could have lost rows after the break

  parse = Read("code;name_nl\nx;Cursus\n");
  EXPECT_NE(Find(parse, "course_id", "csv"), nullptr);

  parse = Read("course_id;name_nl\nc1;Cursus;extra\nc2;Goed\n");
  EXPECT_EQ(parse.records.size(), 1U);
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].line, 2U);

  parse = Read("");
  ASSERT_EQ(parse.rejected.size(), 1U);
  EXPECT_EQ(parse.rejected[0].code, "csv");
}

}  // namespace
}  // namespace verder
