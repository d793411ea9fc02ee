// ingest/csv_table.h — a CSV file with a header row, read by column name.
//
//   VERDER_RETURN_IF_ERROR(ForEachCsvRow(text, ';', {"BRIN NUMMER", "PLAATSNAAM"}, &report,
//       [&](const std::vector<std::string>& v, size_t line) { ... v[0], v[1] ... }));
//
// Records whose field count differs from the header's are skipped and reported (DUO's files
// hold stray `""` lines). A required column missing from the header is an error naming it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/import_report.h"

namespace verder {

using CsvRowFn = std::function<void(const std::vector<std::string>& values, size_t line)>;

Status ForEachCsvRow(std::string_view text, char delimiter, const std::vector<std::string>& columns,
                     ImportReport* report, const CsvRowFn& row);

}  // namespace verder
