// ingest/feed_reader.h — a provider's courses in OOAPI v5 JSON, checked field by field.
//
// The body of POST /api/v1/providers/{id}/courses: either a JSON array of course objects or
// NDJSON (one course object per line), told apart by the first character ('[' or '{'). Each
// course is an OOAPI v5 course with its offerings embedded under "offerings", and our own facts
// OOAPI has no field for under "ext" (the OOAPI extension object). OOAPI v6 spellings are read
// too (modesOfDelivery, teachingLanguages, costType total_costs). data/feeds/README.md documents
// the format for providers; data/feeds/example.json is a valid feed.
//
// Every record passes the catalogue's rules (catalog/validation.h); records with problems are
// rejected whole, the others kept. Postcodes are looked up in `geo` to fill in the municipality
// (nullptr: no lookups, postcodes are only checked for their form). Course ids must be unique
// within a feed: a later record with an id seen before is rejected.
//
// Bounded: JSON nested deeper than FeedLimits::max_depth is refused before it is parsed; an array
// body is parsed one element at a time, so memory follows the largest course, not the body.
//
//   FeedParse parse = ReadJsonFeed(request.body, &geo);
//
// Thread-safety: a pure function; `geo` is only read.
#pragma once

#include <string_view>

#include "catalog/geo.h"
#include "ingest/feed.h"

namespace verder {

FeedParse ReadJsonFeed(std::string_view body, const GeoIndex* geo, const FeedLimits& limits = {});

}  // namespace verder
