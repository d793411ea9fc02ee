// app/ingest_command.h — `verder ingest FILE --provider ID [--full]`: a provider's feed from a
// file, for large catalogues and for the operator. The same reading and validation as the feed
// API (ingest/feed_reader.h, ingest/feed_csv.h); stored in batches with a progress bar, each
// batch one transaction, so a stop or a crash keeps whole batches only.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace verder {

struct IngestOptions {
  std::string file;  // .csv: the CSV format; otherwise a JSON array or NDJSON (OOAPI v5)
  ProviderId provider = 0;
  bool full = false;  // then withdraw the provider's active courses the file does not hold
  size_t batch = 2000;
  bool quiet = false;  // no progress bar
};

struct IngestSummary {
  int64_t accepted = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t withdrawn = 0;
  int64_t rejected_records = 0;
  bool withdrawal_skipped = false;  // full, but a rejected record could not be identified
};

// Rejected records are listed on stderr (line or index, course id, field, reason).
Result<IngestSummary> IngestFile(Store* store, const IngestOptions& options);

}  // namespace verder
