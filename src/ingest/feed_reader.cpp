#include "ingest/feed_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "core/utf8.h"
#include "ingest/internal/feed_record.h"
#include "ingest/internal/ooapi_course.h"

namespace verder {
namespace {

using ingest_internal::FeedCollector;
using ingest_internal::RecordProblems;
using nlohmann::json;

// The offset of the first bracket nested deeper than `max_depth`, or npos. Checked before
// parsing because a DOM of a million nested arrays is slow to build and to free, whatever the
// parser does with its own stack.
size_t TooDeepAt(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// 1-based line and column of byte `offset` in `text`, whose first line is `first_line`.
std::pair<size_t, size_t> LineColumn(std::string_view text, size_t offset, size_t first_line) {
  offset = std::min(offset, text.size());
  size_t line = first_line;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

std::string Where(std::pair<size_t, size_t> line_column) {
  return "line " + std::to_string(line_column.first) + ", column " +
         std::to_string(line_column.second);
}

FeedRejection TooDeep(std::string_view text, size_t offset, size_t first_line, int max_depth) {
  const auto at = LineColumn(text, offset, first_line);
  return {std::nullopt,
          at.first,
          "",
          "",
          "too_deep",
          "The JSON is nested more than " + std::to_string(max_depth) + " levels deep at " +
              Where(at) + "; a course needs far fewer."};
}

FeedRejection NotJson(std::string_view text, const json::parse_error& e, size_t first_line) {
  // nlohmann counts bytes from 1 and points just past the offending byte.
  const auto at = LineColumn(text, e.byte > 0 ? e.byte - 1 : 0, first_line);
  if (!IsValidUtf8(text)) {
    return {std::nullopt,
            at.first,
            "",
            "",
            "utf8",
            "The text is not UTF-8: the first bad byte is near " + Where(at) +
                ". Save the file as UTF-8."};
  }
  // Keep nlohmann's reason ("syntax error while parsing value - invalid literal ..."), drop its
  // own prefix with an exception id and a position we state ourselves.
  std::string reason = e.what();
  const size_t column = reason.find("column ");
  const size_t colon = column == std::string::npos ? column : reason.find(": ", column);
  if (colon != std::string::npos) reason = reason.substr(colon + 2);
  return {std::nullopt, at.first, "",
          "",           "json",   "This is not valid JSON at " + Where(at) + ": " + reason + "."};
}

// nlohmann reports a number beyond the range of a double ("1e400") as out_of_range, not as a
// parse error, and without a position: the record (or array) is named by its first line.
FeedRejection NumberOutOfRange(const json::exception& e, size_t line) {
  std::string reason = e.what();
  const size_t bracket = reason.find("] ");
  if (bracket != std::string::npos) reason = reason.substr(bracket + 2);
  if (reason.size() > 120) reason = reason.substr(0, 117) + "...";
  return {std::nullopt, line, "", "", "json", "This JSON cannot be read: " + reason + "."};
}

void ReadRecord(const json& j, std::optional<size_t> index, std::optional<size_t> line,
                const GeoIndex* geo, FeedCollector* collector) {
  if (!j.is_object()) {
    collector->RejectRecord(
        {index, line, "", "", "json", "Each record must be a JSON object describing one course."});
    return;
  }
  RecordProblems problems;
  CourseWithOfferings course;
  try {
    course = ingest_internal::CourseFromOoapi(j, geo, &problems);
  } catch (const json::exception& e) {  // a bug in the mapping, not the sender's fault
    problems.Add("", "json", std::string("The record could not be read: ") + e.what());
  }
  collector->Finish(index, line, ingest_internal::OoapiCourseId(j), "courseId", std::move(course),
                    std::move(problems));
}

// A JSON array, read one element at a time: the parser hands each finished element of the top
// array to the callback, which reads it and tells the parser not to keep it.
void ReadArray(std::string_view body, const GeoIndex* geo, const FeedLimits& limits,
               FeedParse* out) {
  FeedParse parse;
  FeedCollector collector(limits, &parse);
  size_t index = 0;
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth != 1) return true;
    if (event != json::parse_event_t::object_end && event != json::parse_event_t::array_end &&
        event != json::parse_event_t::value) {
      return true;
    }
    ReadRecord(parsed, index++, std::nullopt, geo, &collector);
    return false;
  };
  try {
    const json emptied_array = json::parse(body.begin(), body.end(), callback);
  } catch (const json::parse_error& e) {
    // A broken array is one broken document: nothing of it is kept, as with a truncated upload.
    *out = FeedParse{};
    out->rejected.push_back(NotJson(body, e, 1));
    return;
  } catch (const json::exception& e) {
    *out = FeedParse{};
    out->rejected.push_back(NumberOutOfRange(e, 1));
    return;
  }
  *out = std::move(parse);
}

std::string_view TrimmedLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// NDJSON: one course per line; blank lines are skipped. A body whose first line is not JSON on
// its own but which is one JSON object as a whole (pretty-printed) is read as that one course.
void ReadLines(std::string_view body, const GeoIndex* geo, const FeedLimits& limits,
               FeedParse* out) {
  FeedCollector collector(limits, out);
  size_t line_no = 0;
  for (size_t pos = 0; pos < body.size();) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = TrimmedLine(body.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (IsBlank(line)) continue;
    if (const size_t deep = TooDeepAt(line, limits.max_depth); deep != std::string_view::npos) {
      collector.RejectRecord(TooDeep(line, deep, line_no, limits.max_depth));
      continue;
    }
    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      if (out->records.empty() && out->rejected.empty() &&
          TooDeepAt(body, limits.max_depth) == std::string_view::npos) {
        try {
          j = json::parse(body);
          if (j.is_object()) return ReadRecord(j, std::nullopt, line_no, geo, &collector);
        } catch (const json::exception&) {  // not one document either: report the line
        }
      }
      collector.RejectRecord(NotJson(line, e, line_no));
      continue;
    } catch (const json::exception& e) {
      collector.RejectRecord(NumberOutOfRange(e, line_no));
      continue;
    }
    ReadRecord(j, std::nullopt, line_no, geo, &collector);
  }
}

}  // namespace

FeedParse ReadJsonFeed(std::string_view body, const GeoIndex* geo, const FeedLimits& limits) {
  FeedParse out;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a BOM some editors write
  const size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    out.rejected.push_back({std::nullopt, 1, "", "", "json", "The body is empty."});
    return out;
  }
  if (body[first] == '[') {
    if (const size_t deep = TooDeepAt(body, limits.max_depth); deep != std::string_view::npos) {
      out.rejected.push_back(TooDeep(body, deep, 1, limits.max_depth));
      return out;
    }
    ReadArray(body, geo, limits, &out);
  } else if (body[first] == '{') {
    ReadLines(body, geo, limits, &out);
  } else {
    const auto at = LineColumn(body, first, 1);
    out.rejected.push_back(
        {std::nullopt, at.first, "", "", "json",
         "The body must be a JSON array of courses or NDJSON (one course object per line); it "
         "starts with something else at " +
             Where(at) + "."});
  }
  return out;
}

}  // namespace verder
