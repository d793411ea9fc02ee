#include "ingest/import_report.h"

namespace verder {

std::string Summarise(const ImportReport& r) {
  std::string out = r.source + " (" + r.file + "): " + std::to_string(r.rows) + " rows, " +
                    std::to_string(r.kept) + " kept, " + std::to_string(r.skipped) + " skipped";
  if (r.providers > 0) out += "; " + std::to_string(r.providers) + " providers";
  if (r.courses > 0) out += "; " + std::to_string(r.courses) + " courses";
  if (r.offerings > 0) out += "; " + std::to_string(r.offerings) + " offerings";
  for (const std::string& p : r.problems) out += "\n    " + p;
  if (r.skipped > static_cast<int64_t>(r.problems.size())) {
    out += "\n    ... and " + std::to_string(r.skipped - static_cast<int64_t>(r.problems.size())) +
           " more";
  }
  return out;
}

}  // namespace verder
