// ingest/csv_reader.h — reads delimited text (RFC 4180 quoting) record by record.
//
// Handles a UTF-8 byte-order mark, CRLF and LF line ends, quoted fields with the delimiter,
// doubled quotes and newlines inside. Reports each record's first line number so importers and
// feed readers can say exactly where a problem is. Never throws; a quote left open at the end
// of input is reported as an error on the record's line.
//
//   CsvReader csv(text, ';');
//   CsvRecord rec;
//   while (csv.Next(&rec)) { use rec.fields, rec.line; }
//   if (!csv.error().empty()) ...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/file.h"  // ReadFile, used with every reader
#include "core/status.h"

namespace verder {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;  // 1-based line where the record starts
};

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter);

  // False at the end of input, or when the input is malformed (then error() says why).
  bool Next(CsvRecord* record);
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  char delimiter_;
  std::string error_;
};

}  // namespace verder
