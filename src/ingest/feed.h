// ingest/feed.h — what reading a provider feed yields: the records kept and the problems found.
//
// Providers send their offer as OOAPI v5 JSON (ingest/feed_reader.h) or as a spreadsheet in CSV
// (ingest/feed_csv.h); both readers answer with a FeedParse. A record with any problem is rejected
// whole and every one of its problems is listed, each naming the record (array index or line),
// the field and a machine-readable code, so the sender can fix them all in one go. The format
// itself is documented for providers in data/feeds/README.md.
//
//   FeedParse parse = ReadJsonFeed(body, &geo);
//   for (FeedRecord& r : parse.records) r.course.course.provider_id = provider_id;
//   for (const FeedRejection& r : parse.rejected) ... r.field, r.code, r.message ...
//
// Plain values; copy freely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalog/course.h"

namespace verder {

struct FeedRecord {
  std::optional<size_t> index;  // 0-based position in a JSON array
  std::optional<size_t> line;   // 1-based line in NDJSON or CSV (a course's first row)
  std::string external_id;      // the provider's course id
  CourseWithOfferings course;   // provider_id 0: the caller knows whose feed it is
};

// One problem with one record, or with the whole body: a body that is not JSON has no index and
// names the line where reading stopped.
struct FeedRejection {
  std::optional<size_t> index;
  std::optional<size_t> line;
  std::string id;     // the record's course id when it could be read
  std::string field;  // "offerings[1].startDate" (JSON) or the CSV column name; empty: the record
  std::string code;   // see the list below
  std::string message;
};

// Codes, for machines; the message is for people.
//  json        the body or an NDJSON line is not JSON, or a record is not a JSON object
//  too_deep    JSON nested deeper than any course needs
//  csv         the CSV file cannot be read (unclosed quote, missing header, wrong field count)
//  type        a value has the wrong JSON type (text where a list was expected, ...)
//  required    a required field is missing or empty
//  enum        a value outside its list (level, modeOfDelivery, costType, daypart, ...)
//  date        not YYYY-MM-DD, a date that does not exist, or dates in the wrong order
//  duration    not an ISO 8601 period like P6W
//  price       an amount that is not a decimal string with at most two decimals, negative, too
//              large, or whose parts do not add up
//  url         not an http(s) address (javascript:, data:, ...)
//  length      text or a list longer than allowed
//  utf8        bytes that are not UTF-8
//  markup      HTML or other markup in a text field
//  range       a number outside its range (seats, nlqf, theory percent, ...)
//  postcode    not a Dutch postcode, or an address outside the Netherlands
//  unknown_postcode  a well-formed postcode (or town) that does not exist
//  duplicate_id      a course id seen earlier in this feed, or an offering id twice in a course
//  inconsistent      CSV rows of one course disagree about a course field
//  invalid     any other rule of catalog/validation.h
struct FeedParse {
  std::vector<FeedRecord> records;
  std::vector<FeedRejection> rejected;
  // Problems beyond FeedLimits::max_rejections are counted here, not listed, so a feed of a
  // million broken lines cannot make an answer of a million lines.
  size_t more_rejected = 0;
  size_t records_rejected = 0;  // how many records were rejected (each may have many problems)
};

struct FeedLimits {
  size_t max_rejections = 1000;
  int max_depth = 32;  // a course in OOAPI shape nests about 5 levels deep
};

}  // namespace verder
