// ingest/feed_csv.h — a provider's courses as a spreadsheet (CSV), checked like the JSON feed.
//
// One row per offering; the course's columns are repeated on each row of the course, or left
// empty after its first row (rows of one course need not be adjacent). A course without dated
// runs is one row with the offering columns empty. The delimiter is whatever the header row uses
// (';' as Dutch spreadsheets save, ',' or tab); the first row names the columns, in any order, and
// columns a provider does not use may be left out (course_id and name_nl are required). Values:
//  - lists (skills, occupations, follow_up, funding, quality_marks): separated by '|'
//  - amounts: 495.00, 495,00 or 495 (euros; at most two decimals)
//  - dates: YYYY-MM-DD (format the column as text so the spreadsheet keeps it)
//  - yes/no columns: yes, no, ja, nee, true, false, 1, 0
//  - level, mode, language, credential, daypart, offering_status: our names (mbo-2, online, nl,
//    certificate, evening, open) or the OOAPI ones (secondary vocational education 2, on campus,
//    nld)
// data/feeds/README.md documents every column; data/feeds/example.csv is a valid file.
// Problems name the CSV line (of the row they are about) and the column.
//
//   FeedParse parse = ReadCsvFeed(upload, &geo);
//   std::string header = CsvFeedTemplate();  // for the "download template" link
//
// Thread-safety: pure functions; `geo` is only read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/geo.h"
#include "ingest/feed.h"

namespace verder {

FeedParse ReadCsvFeed(std::string_view text, const GeoIndex* geo, const FeedLimits& limits = {});

// The template's header row: every column, ';'-separated, ending in a line break.
std::string CsvFeedTemplate();

// The column names in template order.
std::vector<std::string> CsvFeedColumns();

}  // namespace verder
