// fuzz/feed_round_trip.h — the promises a feed reader makes about the records it accepts, checked
// on every fuzz input by the JSON and CSV feed targets:
//  - a kept record passes the catalogue's rules (catalog/validation.h);
//  - the open-data export (ingest/ooapi_writer.h) writes it so that ReadJsonFeed reads back the
//    same course and offerings.
//
//   const FeedParse parse = ReadJsonFeed(body, &geo);
//   fuzz::CheckAcceptedRecords(parse, geo);  // aborts (a crash for libFuzzer) when one is broken
#pragma once

#include "catalog/geo.h"
#include "ingest/feed.h"

namespace verder::fuzz {

void CheckAcceptedRecords(const FeedParse& parse, const GeoIndex& geo);

}  // namespace verder::fuzz
