// ingest/internal/feed_record.h — the checks every feed record goes through, whatever its format.
//
// A reader maps a record into a CourseWithOfferings and notes, for every course field it fills,
// where in the sender's record the value came from. RecordProblems then runs the catalogue's own
// rules (catalog/validation.h) and reports their findings under the sender's field names, so the
// rules live in one place and a feed sender never sees our internal names. FeedCollector checks
// ids across the feed and turns problems into rejections.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "core/status.h"
#include "ingest/feed.h"

namespace verder::ingest_internal {

struct RecordProblem {
  std::string field;
  std::string code;
  std::string message;
  std::optional<size_t> line;  // CSV: the row the problem is on; empty: the record's line
};

class RecordProblems {
 public:
  // Adds a problem unless `field` already has one: the first finding is the useful one (a
  // value of the wrong type is also "required" to the catalogue's rules).
  void Add(const std::string& field, std::string code, std::string message,
           std::optional<size_t> line = std::nullopt);
  // Remembers that the course field `model_field` ("offerings[1].enrol_url", "skills") was read
  // from `feed_field` ("offerings[1].link", "ext.skills"). Elements and members of a remembered
  // field map along: "skills[2]" → "ext.skills[2]".
  // Both names are taken by value: callers build them for the call, and a record notes some
  // forty sources; moving instead of copying them halved the share of noting them in a feed's
  // read (perf: 8 % -> 4 % of an ingest).
  void Source(std::string model_field, std::string feed_field,
              std::optional<size_t> line = std::nullopt);
  // Runs ValidateCourse and adds what it finds under the sender's names. Forgets the sources
  // afterwards: call it once, after the last Source.
  void Validate(const CourseWithOfferings& course);

  bool empty() const { return problems_.empty(); }
  const std::vector<RecordProblem>& problems() const { return problems_; }

 private:
  struct Origin {
    std::string field;
    std::optional<size_t> line;
  };
  Origin Translate(const std::string& model_field) const;
  const Origin* FindSource(std::string_view model_field) const;

  std::vector<RecordProblem> problems_;
  std::set<std::string> fields_with_problems_;
  // A course with a few offerings notes about 40 sources: one allocation instead of seven.
  static constexpr size_t kSourcesReserved = 64;
  std::vector<std::pair<std::string, Origin>> sources_;  // model field → origin, in order
};

// The machine code for a finding of catalog/validation.h, from its field and message.
std::string CodeForValidationError(const Error& error);

// A postcode as people write it ("1234ab", " 1234 AB ") in the catalogue's form ("1234 AB").
std::string NormalisePostcode(std::string_view postcode);

// An address as a sender gave it; field names are the sender's, for problems.
struct AddressInput {
  std::string postcode;
  std::string city;
  std::string street;
  std::string postcode_field;
  std::string city_field;
  std::string street_field;
  std::optional<size_t> line;
};

// Fills `location` from `input` (and records where its fields came from for `model_field`,
// "offerings[2].location"), looking the postcode (or, without one, the town) up in `geo` to
// find the municipality. Without `geo` the values are kept as given and nothing is looked up.
void ResolveLocation(const AddressInput& input, const std::string& model_field, const GeoIndex* geo,
                     Location* location, RecordProblems* problems);

// Gathers the records of one feed into a FeedParse.
class FeedCollector {
 public:
  FeedCollector(const FeedLimits& limits, FeedParse* out) : limits_(limits), out_(out) {}

  // Keeps `course` when it has no problems (after validation and the duplicate-id check under
  // `id_field`), otherwise adds one rejection per problem.
  void Finish(std::optional<size_t> index, std::optional<size_t> line, const std::string& id,
              const std::string& id_field, CourseWithOfferings course, RecordProblems problems);
  // Finish for a course whose `problems` already hold its validation (RecordProblems::Validate
  // ran on a worker thread): only the checks across the feed are left.
  void FinishValidated(std::optional<size_t> index, std::optional<size_t> line,
                       const std::string& id, const std::string& id_field,
                       CourseWithOfferings course, RecordProblems problems);
  // A record that could not be read at all (not JSON, not an object): one rejection.
  void RejectRecord(FeedRejection rejection);
  // A problem that is not about one record: unreadable JSON, a bad CSV header.
  void Reject(FeedRejection rejection);

 private:
  const FeedLimits& limits_;
  FeedParse* out_;
  std::map<std::string, std::string> first_seen_;  // course id → "index 3" / "line 7"
};

}  // namespace verder::ingest_internal
