#include "ingest/csv_table.h"

#include "ingest/csv_reader.h"

namespace verder {

Status ForEachCsvRow(std::string_view text, char delimiter, const std::vector<std::string>& columns,
                     ImportReport* report, const CsvRowFn& row) {
  CsvReader csv(text, delimiter);
  CsvRecord header;
  if (!csv.Next(&header)) return InvalidArgument(report->file, "the file is empty");
  std::vector<size_t> index;
  for (const std::string& name : columns) {
    size_t found = header.fields.size();
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (header.fields[i] == name) found = i;
    }
    if (found == header.fields.size()) {
      return InvalidArgument(report->file, "the header has no column '" + name + "'");
    }
    index.push_back(found);
  }
  CsvRecord record;
  std::vector<std::string> values(columns.size());
  while (csv.Next(&record)) {
    ++report->rows;
    if (record.fields.size() != header.fields.size()) {
      report->Skip(record.line, std::to_string(record.fields.size()) +
                                    " fields where the header has " +
                                    std::to_string(header.fields.size()));
      continue;
    }
    for (size_t i = 0; i < index.size(); ++i) values[i] = record.fields[index[i]];
    row(values, record.line);
  }
  if (!csv.error().empty()) report->Skip(record.line, csv.error());
  return Status();
}

}  // namespace verder
