#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "ingest/csv_table.h"

namespace verder {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, char delimiter,
                                              std::string* error = nullptr) {
  CsvReader csv(text, delimiter);
  CsvRecord rec;
  std::vector<std::vector<std::string>> rows;
  while (csv.Next(&rec)) rows.push_back(rec.fields);
  if (error != nullptr) *error = csv.error();
  return rows;
}

TEST(CsvReaderTest, HandlesBomCrlfQuotesAndNewlinesInFields) {
  const auto rows = ReadAll(
      "\xEF\xBB\xBF"
      "a;b\r\n\"x;1\";\"he said \"\"hi\"\"\"\r\n\"two\nlines\";z",
      ';');
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x;1", "he said \"hi\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"two\nlines", "z"}));
}

TEST(CsvReaderTest, CountsLinesAcrossQuotedNewlines) {
  CsvReader csv("h\n\"a\nb\"\nlast\n", ',');
  CsvRecord rec;
  ASSERT_TRUE(csv.Next(&rec));
  ASSERT_TRUE(csv.Next(&rec));
  EXPECT_EQ(rec.line, 2U);
  ASSERT_TRUE(csv.Next(&rec));
  EXPECT_EQ(rec.line, 4U);
  EXPECT_EQ(rec.fields[0], "last");
  EXPECT_FALSE(csv.Next(&rec));
}

TEST(CsvReaderTest, UnclosedQuoteIsAnErrorNotACrash) {
  std::string error;
  const auto rows = ReadAll("a,b\n1,\"never closed\n2,3\n", ',', &error);
  EXPECT_EQ(rows.size(), 1U);
  EXPECT_NE(error.find("line 2"), std::string::npos);
}

TEST(CsvTableTest, SkipsAndReportsRowsWithTheWrongFieldCount) {
  ImportReport report{.source = "t", .file = "t.csv"};
  std::vector<std::string> names;
  const Status s = ForEachCsvRow(
      "name;n\nA;1\n\"\"\nB;2\n", ';', {"n", "name"}, &report,
      [&](const std::vector<std::string>& v, size_t) { names.push_back(v[1] + v[0]); });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(names, (std::vector<std::string>{"A1", "B2"}));
  EXPECT_EQ(report.rows, 3);
  EXPECT_EQ(report.skipped, 1);
  EXPECT_EQ(report.problems[0], "line 3: 1 fields where the header has 2");
}

TEST(CsvTableTest, MissingColumnIsNamed) {
  ImportReport report{.source = "t", .file = "t.csv"};
  const Status s = ForEachCsvRow("a;b\n1;2\n", ';', {"c"}, &report,
                                 [](const std::vector<std::string>&, size_t) {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("'c'"), std::string::npos);
}

TEST(ReadFileTest, MissingFileNamesThePath) {
  const Result<std::string> r = ReadFile("/nonexistent/verder/file.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(r.error().message.find("/nonexistent/verder/file.csv"), std::string::npos);
}

}  // namespace
}  // namespace verder
