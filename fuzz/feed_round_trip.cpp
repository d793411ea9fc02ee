#include "fuzz/feed_round_trip.h"

#include <nlohmann/json.hpp>
#include <string>

#include "catalog/validation.h"
#include "fuzz/fuzz_support.h"
#include "ingest/feed_reader.h"
#include "ingest/ooapi_writer.h"

namespace verder::fuzz {

void FuzzFeedReader(const uint8_t* data, size_t size, FeedReader read, const FeedLimits& small) {
  static const GeoIndex* const kGeo = new GeoIndex(Reference());  // never freed
  const FeedLimits limits = size % 3 == 0 ? small : FeedLimits{};
  const FeedParse parse =
      read(std::string_view(reinterpret_cast<const char*>(data), size), kGeo, limits);
  if (parse.rejected.size() > limits.max_rejections) Fail("more rejections listed than the limit");
  CheckAcceptedRecords(parse, *kGeo);
}

void CheckAcceptedRecords(const FeedParse& parse, const GeoIndex& geo) {
  if (parse.records.empty()) return;
  std::string ndjson;
  for (const FeedRecord& r : parse.records) {
    const std::vector<Error> problems = ValidateCourse(r.course);
    if (!problems.empty()) Fail("a kept record breaks a rule: " + problems[0].ToString());
    const CourseRecord record{r.course.course, Provider{}, r.course.offerings, std::nullopt};
    ndjson += OoapiCourseJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    ndjson += '\n';
  }
  const FeedParse again = ReadJsonFeed(ndjson, &geo);
  if (!again.rejected.empty()) {
    const FeedRejection& r = again.rejected[0];
    Fail("the export of a kept record is rejected: " + r.field + " " + r.code + " " + r.message +
         "\n" + ndjson);
  }
  if (again.records.size() != parse.records.size()) Fail("the export lost records");
  for (size_t i = 0; i < again.records.size(); ++i) {
    const CourseWithOfferings& before = parse.records[i].course;
    const CourseWithOfferings& after = again.records[i].course;
    if (!(before.course == after.course))
      Fail("the export reads back as another course\n" + ndjson);
    if (before.offerings != after.offerings)
      Fail("the export reads back with other offerings\n" + ndjson);
  }
}

}  // namespace verder::fuzz
