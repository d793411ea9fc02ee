// ingest/feed_test_support.h — shared fixtures of the feed tests: a small but real piece of the
// postcode table, a valid OOAPI course, files of the source tree.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "catalog/geo.h"
#include "ingest/feed.h"

namespace verder::feed_test {

// Four real PC4s (Utrecht, Groningen, Amsterdam, Maastricht) with their municipalities, and a
// vocabulary large enough for the demo catalogue.
ReferenceData Reference();

// A course every rule accepts: two offerings, our ext fields, all OOAPI fields we read.
nlohmann::json ValidCourse();

// The bytes of a file under the source tree ("data/feeds/example.csv").
std::string SourceFile(const std::string& relative);

// Every rejection, one a line, for failure messages.
std::string Describe(const FeedParse& parse);

}  // namespace verder::feed_test
