// fuzz/feed_round_trip.h — the promises a feed reader makes about the records it accepts, checked
// on every fuzz input by the JSON and CSV feed targets:
//  - a kept record passes the catalogue's rules (catalog/validation.h);
//  - the open-data export (ingest/ooapi_writer.h) writes it so that ReadJsonFeed reads back the
//    same course and offerings.
//
//   const FeedParse parse = ReadJsonFeed(body, &geo);
//   fuzz::CheckAcceptedRecords(parse, geo);  // aborts (a crash for libFuzzer) when one is broken
//
// FuzzFeedReader is the whole body of such a target.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "catalog/geo.h"
#include "ingest/feed.h"

namespace verder::fuzz {

void CheckAcceptedRecords(const FeedParse& parse, const GeoIndex& geo);

using FeedReader = FeedParse (*)(std::string_view, const GeoIndex*, const FeedLimits&);

// Reads the input with `read` over the fuzz reference's places: every third input with the
// `small` limits (so that "too many problems", and for JSON "too deep", are reached as well as
// the defaults), the others with the defaults. Checks that no more rejections are listed than the
// limit and CheckAcceptedRecords.
void FuzzFeedReader(const uint8_t* data, size_t size, FeedReader read, const FeedLimits& small);

}  // namespace verder::fuzz
