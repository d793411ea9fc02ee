#include "app/ingest_command.h"

#include <cstdio>

#include "app/progress_bar.h"
#include "catalog/geo.h"
#include "core/file.h"
#include "ingest/feed_csv.h"
#include "ingest/feed_reader.h"

namespace verder {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void PrintRejections(const FeedParse& parse) {
  for (const FeedRejection& r : parse.rejected) {
    std::string line = "  ";
    if (r.line) {
      line += "line " + std::to_string(*r.line);
    } else if (r.index) {
      line += "record " + std::to_string(*r.index);
    } else {
      line += "file";
    }
    if (!r.id.empty()) line += " (" + r.id + ")";
    if (!r.field.empty()) line += ", " + r.field;
    line += ": " + r.message + " [" + r.code + "]";
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  if (parse.more_rejected > 0) {
    std::fprintf(stderr, "  ... and %zu more problems\n", parse.more_rejected);
  }
}

}  // namespace

Result<IngestSummary> IngestFile(Store* store, const IngestOptions& options) {
  VERDER_RETURN_IF_ERROR(store->GetProvider(options.provider).status());
  VERDER_ASSIGN_OR_RETURN(std::string body, ReadFile(options.file));
  VERDER_ASSIGN_OR_RETURN(ReferenceData reference, store->LoadReferenceData());
  if (reference.postcodes.empty()) {
    return Unavailable(
        "the store holds no postcodes yet, so addresses cannot be checked: run "
        "`verder import` (or start `verder serve` once) first");
  }
  const GeoIndex geo(std::move(reference));
  if (!options.quiet) {
    std::fprintf(stderr, "Reading %s (%.1f MB)...\n", options.file.c_str(),
                 static_cast<double>(body.size()) / 1e6);
  }
  FeedParse parse =
      EndsWith(options.file, ".csv") ? ReadCsvFeed(body, &geo) : ReadJsonFeed(body, &geo);
  body.clear();
  body.shrink_to_fit();
  IngestSummary summary;
  summary.rejected_records = static_cast<int64_t>(parse.records_rejected);
  if (!parse.rejected.empty()) {
    std::fprintf(stderr, "%zu record(s) rejected; nothing of them is stored:\n",
                 parse.records_rejected);
    PrintRejections(parse);
  }
  const Actor actor{"operator:ingest"};
  FeedSyncOptions keep_all;  // the withdrawal step at the end: everything sent is kept
  ProgressBar bar("Opslaan", static_cast<int64_t>(parse.records.size()));
  std::vector<CourseWithOfferings> batch;
  int64_t done = 0;
  const auto flush = [&]() -> Status {
    VERDER_ASSIGN_OR_RETURN(FeedSyncReport r,
                            store->SyncProviderCourses(options.provider, batch, {}, actor));
    summary.created += r.upsert.created;
    summary.updated += r.upsert.updated;
    summary.unchanged += r.upsert.unchanged;
    done += static_cast<int64_t>(batch.size());
    batch.clear();
    if (!options.quiet) bar.Update(done);
    return Status();
  };
  for (FeedRecord& r : parse.records) {
    r.course.course.provider_id = options.provider;
    keep_all.keep.push_back(r.external_id);
    batch.push_back(std::move(r.course));
    if (batch.size() >= options.batch) VERDER_RETURN_IF_ERROR(flush());
  }
  if (!batch.empty()) VERDER_RETURN_IF_ERROR(flush());
  if (!options.quiet) bar.Finish();
  summary.accepted = done;
  if (options.full) {
    bool unidentified = parse.more_rejected > 0;
    for (const FeedRejection& r : parse.rejected) {
      if (r.id.empty()) unidentified = true;
      keep_all.keep.push_back(r.id);
    }
    summary.withdrawal_skipped = unidentified;
    if (!unidentified) {
      keep_all.full = true;
      VERDER_ASSIGN_OR_RETURN(FeedSyncReport r,
                              store->SyncProviderCourses(options.provider, {}, keep_all, actor));
      summary.withdrawn = static_cast<int64_t>(r.withdrawn.size());
    }
  }
  return summary;
}

}  // namespace verder
