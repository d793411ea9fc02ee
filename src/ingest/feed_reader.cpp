#include "ingest/feed_reader.h"

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "core/parallel.h"
#include "core/utf8.h"
#include "ingest/internal/feed_record.h"
#include "ingest/internal/ooapi_course.h"

namespace verder {
namespace {

using ingest_internal::FeedCollector;
using ingest_internal::JsonValue;
using ingest_internal::RecordProblems;
using nlohmann::json;

// Follows JSON text byte by byte to tell bytes inside string literals from the structure, so
// that brackets and commas inside strings do not count.
class JsonStringTracker {
 public:
  // True when `c` is structure: outside any string and not a quote opening or closing one.
  bool IsStructure(char c) {
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
      return false;
    }
    if (c == '"') in_string_ = true;
    return !in_string_;
  }

 private:
  bool in_string_ = false;
  bool escaped_ = false;
};

// The offset of the first bracket nested deeper than `max_depth`, or npos. Checked before
// parsing because a DOM of a million nested arrays is slow to build and to free, whatever the
// parser does with its own stack.
size_t TooDeepAt(std::string_view text, int max_depth) {
  int depth = 0;
  JsonStringTracker strings;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!strings.IsStructure(c)) continue;
    if (c == '[' || c == '{') {
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

// One record read, possibly on a worker thread, waiting to be collected in feed order.
struct ReadOutcome {
  std::optional<size_t> index;              // JSON array: the element's position
  std::optional<size_t> line;               // NDJSON: the line
  bool blank = false;                       // an empty NDJSON line: nothing to collect
  bool not_json = false;                    // unreadable because the text is not JSON
  std::optional<FeedRejection> unreadable;  // not JSON, too deep, not an object
  std::string id;
  CourseWithOfferings course;
  RecordProblems problems;  // validated already
};

// Everything about one record that needs no other record: mapping and validation. Runs on
// worker threads for large feeds; Collect then adds the checks across the feed, in order.
ReadOutcome MapRecord(JsonValue j, std::optional<size_t> index, std::optional<size_t> line,
                      const GeoIndex* geo) {
  ReadOutcome out{.index = index, .line = line};
  if (!j.is_object()) {
    out.unreadable = FeedRejection{
        index, line, "", "", "json", "Each record must be a JSON object describing one course."};
    return out;
  }
  out.course = ingest_internal::CourseFromOoapi(j, geo, &out.problems);
  out.problems.Validate(out.course);
  out.id = ingest_internal::OoapiCourseId(j);
  return out;
}

// A record's text parsed: the value, valid until `parser` parses again, or why it is not JSON.
struct ParsedRecord {
  std::optional<JsonValue> value;
  std::optional<FeedRejection> rejection;
  bool not_json = false;  // a syntax error (not a number too large for a double)
};

// simdjson reads the record: a large feed is hundreds of megabytes, and nlohmann's tree was a
// third of reading it. simdjson is stricter than JSON about numbers (an integer beyond 64 bits
// is valid JSON), and says less about an error, so what it refuses nlohmann reads again: it then
// either explains the error with its position, as feed senders have always been told, or gives a
// tree whose text (with such numbers written as doubles) simdjson takes.
ParsedRecord ParseRecord(std::string_view text, size_t first_line, simdjson::dom::parser* parser,
                         std::string* normalised) {
  JsonValue root;
  if (parser->parse(text.data(), text.size()).get(root) == simdjson::SUCCESS) return {root};
  try {
    *normalised = json::parse(text).dump();
  } catch (const json::parse_error& e) {
    return {std::nullopt, NotJson(text, e, first_line), true};
  } catch (const json::exception& e) {
    return {std::nullopt, NumberOutOfRange(e, first_line)};
  }
  if (parser->parse(*normalised).get(root) == simdjson::SUCCESS) return {root};
  return {std::nullopt, FeedRejection{std::nullopt, first_line, "", "", "json",
                                      "This JSON cannot be read: a value is out of range."}};
}

void Collect(ReadOutcome outcome, FeedCollector* collector) {
  if (outcome.blank) return;
  if (outcome.unreadable) return collector->RejectRecord(std::move(*outcome.unreadable));
  collector->FinishValidated(outcome.index, outcome.line, outcome.id, "courseId",
                             std::move(outcome.course), std::move(outcome.problems));
}

// Records per worker thread at least: below that a feed is read on the calling thread.
constexpr size_t kRecordsPerThread = 256;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimJsonSpace(std::string_view text) {
  while (!text.empty() && IsJsonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsJsonSpace(text.back())) text.remove_suffix(1);
  return text;
}

// The top-level elements of the JSON array `text`, or nullopt when it is not one array of
// comma-separated values followed by nothing but space. Strings are skipped whole, so brackets
// and commas inside them do not count. Each element is still parsed by the real parser, which
// rejects what this quick split lets through ("[1,]", "[{]}").
std::optional<std::vector<std::string_view>> ArrayElements(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  if (i == text.size() || text[i] != '[') return std::nullopt;
  std::vector<std::string_view> elements;
  size_t start = ++i;
  int depth = 0;
  JsonStringTracker strings;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (!strings.IsStructure(c)) continue;
    if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      elements.push_back(TrimJsonSpace(text.substr(start, i - start)));
      start = i + 1;
    } else if (c == ']' || c == '}') {  // the end of the top array
      const std::string_view last = TrimJsonSpace(text.substr(start, i - start));
      if (c != ']' || !TrimJsonSpace(text.substr(i + 1)).empty()) return std::nullopt;
      if (!last.empty() || !elements.empty()) elements.push_back(last);
      return elements;
    }
  }
  return std::nullopt;  // unterminated
}

// A JSON array, read one element at a time: the parser hands each finished element of the top
// array to the callback, which reads it and tells the parser not to keep it.
void ReadArray(std::string_view body, const GeoIndex* geo, const FeedLimits& limits,
               FeedParse* out) {
  // Elements are independent: a large feed is parsed and checked on every core. When any element
  // does not parse, the whole document is read again below, which reports the error as one.
  if (const std::optional<std::vector<std::string_view>> elements = ArrayElements(body)) {
    std::vector<ReadOutcome> outcomes(elements->size());
    std::atomic<bool> broken = false;
    ForEachSlice(outcomes.size(), kRecordsPerThread, [&](size_t, size_t begin, size_t end) {
      simdjson::dom::parser parser;  // per slice: its buffers go when the read ends
      std::string normalised;
      for (size_t i = begin; i < end && !broken; ++i) {
        const ParsedRecord parsed = ParseRecord((*elements)[i], 1, &parser, &normalised);
        if (!parsed.value) {
          broken = true;
          return;
        }
        outcomes[i] = MapRecord(*parsed.value, i, std::nullopt, geo);
      }
    });
    if (!broken) {
      FeedCollector collector(limits, out);
      for (ReadOutcome& o : outcomes) Collect(std::move(o), &collector);
      return;
    }
  }
  FeedParse parse;
  FeedCollector collector(limits, &parse);
  size_t index = 0;
  simdjson::dom::parser parser;
  std::string normalised;
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth != 1) return true;
    if (event != json::parse_event_t::object_end && event != json::parse_event_t::array_end &&
        event != json::parse_event_t::value) {
      return true;
    }
    // The element as text again, for the one mapping there is (which reads simdjson values).
    const size_t at = index++;
    ParsedRecord element = ParseRecord(parsed.dump(), 1, &parser, &normalised);
    if (element.value) {
      Collect(MapRecord(*element.value, at, std::nullopt, geo), &collector);
    } else {  // not expected of nlohmann's own output, but never dropped without a word
      element.rejection->index = at;
      collector.RejectRecord(std::move(*element.rejection));
    }
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

// One NDJSON line (number `line_no`) read and checked on its own.
ReadOutcome ReadLine(std::string_view line, size_t line_no, const GeoIndex* geo,
                     const FeedLimits& limits, simdjson::dom::parser* parser,
                     std::string* normalised) {
  line = TrimmedLine(line);
  if (IsBlank(line)) return ReadOutcome{.line = line_no, .blank = true};
  if (const size_t deep = TooDeepAt(line, limits.max_depth); deep != std::string_view::npos) {
    return ReadOutcome{.line = line_no,
                       .unreadable = TooDeep(line, deep, line_no, limits.max_depth)};
  }
  ParsedRecord parsed = ParseRecord(line, line_no, parser, normalised);
  if (!parsed.value) {
    return ReadOutcome{
        .line = line_no, .not_json = parsed.not_json, .unreadable = std::move(parsed.rejection)};
  }
  return MapRecord(*parsed.value, std::nullopt, line_no, geo);
}

// NDJSON: one course per line; blank lines are skipped. A body whose first line is not JSON on
// its own but which is one JSON object as a whole (pretty-printed) is read as that one course.
// Lines are independent: a large feed is read on every core and collected in line order.
void ReadLines(std::string_view body, const GeoIndex* geo, const FeedLimits& limits,
               FeedParse* out) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < body.size();) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    lines.push_back(body.substr(pos, end - pos));
    pos = end + 1;
  }
  std::vector<ReadOutcome> outcomes(lines.size());
  ForEachSlice(lines.size(), kRecordsPerThread, [&](size_t, size_t begin, size_t end) {
    simdjson::dom::parser parser;  // per slice: its buffers go when the read ends
    std::string normalised;
    for (size_t i = begin; i < end; ++i) {
      outcomes[i] = ReadLine(lines[i], i + 1, geo, limits, &parser, &normalised);
    }
  });
  FeedCollector collector(limits, out);
  const auto first =
      std::find_if(outcomes.begin(), outcomes.end(), [](const ReadOutcome& o) { return !o.blank; });
  if (first != outcomes.end() && first->not_json &&
      TooDeepAt(body, limits.max_depth) == std::string_view::npos) {
    simdjson::dom::parser parser;
    std::string normalised;
    const ParsedRecord whole = ParseRecord(body, first->line.value_or(1), &parser, &normalised);
    if (whole.value && whole.value->is_object())
      return Collect(MapRecord(*whole.value, std::nullopt, first->line, geo), &collector);
  }
  for (ReadOutcome& o : outcomes) Collect(std::move(o), &collector);
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
