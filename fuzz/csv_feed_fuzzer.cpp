// fuzz/csv_feed_fuzzer.cpp — a provider's spreadsheet upload (ingest/feed_csv.h), as any bytes:
// the delimiter sniffing, quoting, header and column mapping, rows merged into courses, and every
// value parser (amounts, dates, yes/no, lists, levels). What it keeps must pass the catalogue's
// rules and survive the open-data export unchanged (fuzz/feed_round_trip.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/feed_round_trip.h"
#include "ingest/feed_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verder::fuzz::FuzzFeedReader(data, size, &verder::ReadCsvFeed, {.max_rejections = 3});
  return 0;
}
