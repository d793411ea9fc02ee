#include "ingest/feed_csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

#include "ingest/csv_reader.h"
#include "ingest/internal/csv_course.h"
#include "ingest/internal/feed_record.h"

namespace verder {
namespace {

using ingest_internal::CsvColumn;
using ingest_internal::CsvColumnName;
using ingest_internal::CsvCourseRows;
using ingest_internal::CsvRow;
using ingest_internal::FeedCollector;
using ingest_internal::kCsvColumnCount;

// The delimiter the header row uses most: Dutch spreadsheets save ';', others ',' or tab.
char DetectDelimiter(std::string_view text) {
  const std::string_view header = text.substr(0, text.find('\n'));
  char best = ';';
  size_t best_count = 0;
  for (char c : {';', ',', '\t'}) {
    const auto n = static_cast<size_t>(std::count(header.begin(), header.end(), c));
    if (n > best_count) {
      best = c;
      best_count = n;
    }
  }
  return best;
}

std::string Trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

FeedRejection FileProblem(size_t line, std::string field, std::string message) {
  return {std::nullopt, line, "", std::move(field), "csv", std::move(message)};
}

// Maps header positions to columns; reports unknown, repeated and missing columns, because a
// misspelt column would otherwise be ignored without a word.
bool ReadHeader(const CsvRecord& header, std::vector<int>* position_of, FeedCollector* collector) {
  position_of->assign(kCsvColumnCount, -1);
  bool ok = true;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = Lower(Trimmed(header.fields[i]));
    if (name.empty()) continue;  // spreadsheets save empty trailing columns
    std::optional<size_t> column;
    for (size_t c = 0; c < kCsvColumnCount; ++c) {
      if (name == CsvColumnName(static_cast<CsvColumn>(c))) column = c;
    }
    if (!column) {
      collector->Reject(FileProblem(
          header.line, name,
          "Unknown column '" + name + "'; the template (CsvFeedTemplate) lists the columns."));
      ok = false;
    } else if ((*position_of)[*column] >= 0) {
      collector->Reject(FileProblem(header.line, name, "Column '" + name + "' appears twice."));
      ok = false;
    } else {
      (*position_of)[*column] = static_cast<int>(i);
    }
  }
  for (CsvColumn required : {CsvColumn::kCourseId, CsvColumn::kNameNl}) {
    if ((*position_of)[static_cast<size_t>(required)] < 0) {
      const std::string name = CsvColumnName(required);
      collector->Reject(FileProblem(header.line, name, "The column '" + name + "' is missing."));
      ok = false;
    }
  }
  return ok;
}

bool AllEmpty(const std::vector<std::string>& fields, size_t from) {
  for (size_t i = from; i < fields.size(); ++i) {
    if (!Trimmed(fields[i]).empty()) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> CsvFeedColumns() {
  std::vector<std::string> names;
  for (size_t c = 0; c < kCsvColumnCount; ++c) {
    names.emplace_back(CsvColumnName(static_cast<CsvColumn>(c)));
  }
  return names;
}

std::string CsvFeedTemplate() {
  std::string line;
  for (const std::string& name : CsvFeedColumns()) line += (line.empty() ? "" : ";") + name;
  return line + "\n";
}

FeedParse ReadCsvFeed(std::string_view text, const GeoIndex* geo, const FeedLimits& limits) {
  FeedParse out;
  FeedCollector collector(limits, &out);
  CsvReader csv(text, DetectDelimiter(text));
  CsvRecord record;
  if (!csv.Next(&record) || AllEmpty(record.fields, 0)) {
    collector.Reject(FileProblem(1, "", "The file is empty; the first row names the columns."));
    return out;
  }
  std::vector<int> position_of;
  if (!ReadHeader(record, &position_of, &collector)) return out;
  const size_t width = record.fields.size();

  // Rows grouped by course id, in the order courses first appear.
  std::vector<CsvCourseRows> courses;
  std::map<std::string, size_t> course_of;
  while (csv.Next(&record)) {
    if (AllEmpty(record.fields, 0)) continue;
    if (record.fields.size() > width && !AllEmpty(record.fields, width)) {
      collector.RejectRecord(FileProblem(record.line, "",
                                         "This row has " + std::to_string(record.fields.size()) +
                                             " fields where the header has " +
                                             std::to_string(width) + "."));
      continue;
    }
    CsvRow row{record.line, std::vector<std::string>(kCsvColumnCount)};
    for (size_t c = 0; c < kCsvColumnCount; ++c) {
      const int at = position_of[c];
      if (at >= 0 && static_cast<size_t>(at) < record.fields.size()) {
        row.values[c] = Trimmed(record.fields[static_cast<size_t>(at)]);
      }
    }
    const std::string& id = row.values[static_cast<size_t>(CsvColumn::kCourseId)];
    if (id.empty()) {
      collector.RejectRecord({std::nullopt, record.line, "", "course_id", "required",
                              "course_id is required on every row."});
      continue;
    }
    const auto [it, added] = course_of.emplace(id, courses.size());
    if (added) courses.push_back({id, {}});
    courses[it->second].rows.push_back(std::move(row));
  }
  if (!csv.error().empty()) {
    // Rows after the break are lost, so a course could lose runs it still has: keep nothing.
    FeedParse broken;
    broken.rejected.push_back(
        FileProblem(record.line, "", "The file cannot be read: " + csv.error() + "."));
    return broken;
  }
  for (CsvCourseRows& course : courses) {
    ingest_internal::RecordProblems problems;
    CourseWithOfferings mapped = ingest_internal::CourseFromCsvRows(course, geo, &problems);
    collector.Finish(std::nullopt, course.rows[0].line, course.id, "course_id", std::move(mapped),
                     std::move(problems));
  }
  return out;
}

}  // namespace verder
