// fuzz/json_feed_fuzzer.cpp — a provider's POST body (ingest/feed_reader.h): a JSON array of OOAPI
// courses or NDJSON, as any bytes. The reader must answer every input with records and
// rejections, never crash, hang or use memory out of proportion; what it keeps must pass the
// catalogue's rules and survive the open-data export unchanged (fuzz/feed_round_trip.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/feed_round_trip.h"
#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verder::fuzz::FuzzFeedReader(data, size, &verder::ReadJsonFeed,
                               {.max_rejections = 3, .max_depth = 6});
  return 0;
}
