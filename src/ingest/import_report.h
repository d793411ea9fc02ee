// ingest/import_report.h — what an importer read, kept, skipped and why.
//
// Malformed or stray lines never stop an import: each is counted, and the first few are kept
// with their line number and reason so the operator can look them up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace verder {

struct ImportReport {
  std::string source;  // "duo-mbo", "cbs-regions", ...
  std::string file;    // path relative to the data folder
  int64_t rows = 0;    // data records read (without the header)
  int64_t kept = 0;    // records that contributed to the result
  int64_t skipped = 0;
  std::vector<std::string> problems;  // "line 12: 3 fields where the header has 30"
  // Counted where the importer sees them first: a course named in two files counts once.
  int64_t providers = 0;
  int64_t courses = 0;
  int64_t offerings = 0;

  // `line` 0: the problem is not about one line of the file (e.g. a whole record).
  void Skip(size_t line, const std::string& reason) {
    ++skipped;
    if (problems.size() < kMaxProblems) {
      problems.push_back(line > 0 ? "line " + std::to_string(line) + ": " + reason : reason);
    }
  }
  static constexpr size_t kMaxProblems = 20;
};

// "duo-mbo (duo-ho-mbo-2019/mbo_inscriptions_2019.csv): 19258 rows, 19229 kept, 29 skipped ..."
std::string Summarise(const ImportReport& report);

}  // namespace verder
