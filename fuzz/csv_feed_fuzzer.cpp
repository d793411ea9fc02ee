// fuzz/csv_feed_fuzzer.cpp — a provider's spreadsheet upload (ingest/feed_csv.h), as any bytes:
// the delimiter sniffing, quoting, header and column mapping, rows merged into courses, and every
// value parser (amounts, dates, yes/no, lists, levels). What it keeps must pass the catalogue's
// rules and survive the open-data export unchanged (fuzz/feed_round_trip.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/feed_round_trip.h"
#include "fuzz/fuzz_support.h"
#include "ingest/feed_csv.h"

namespace {

const verder::GeoIndex* geo = nullptr;  // built once in LLVMFuzzerInitialize, never freed

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  geo = new verder::GeoIndex(verder::fuzz::Reference());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Every third input is read with small limits, so "too many problems" (and for JSON "too
  // deep") are reached as well as the defaults.
  const bool small = size % 3 == 0;
  const verder::FeedLimits limits =
      small ? verder::FeedLimits{.max_rejections = 3} : verder::FeedLimits{};
  const verder::FeedParse parse = verder::ReadCsvFeed(text, geo, limits);
  if (parse.rejected.size() > limits.max_rejections)
    verder::fuzz::Fail("more rejections listed than the limit");
  verder::fuzz::CheckAcceptedRecords(parse, *geo);
  return 0;
}
