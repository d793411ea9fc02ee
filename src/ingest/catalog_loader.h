// ingest/catalog_loader.h — writes imported or generated catalogues into the Store in batches.
//
// Each batch is one transaction: an interrupted load (Ctrl-C, kill -9) leaves the store exactly
// as it was after the last whole batch, and loading again continues where it was because upserts
// of unchanged records change nothing. Records that fail validation are reported, not stored.
//
//   LoadCatalog(&store, catalog.providers, SourceOf(catalog.courses), {.actor = {"import:duo"}},
//               &report);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ingest/duo_import.h"
#include "ingest/import_report.h"
#include "store/store.h"

namespace verder {

// Fills `batch` with up to `max` further courses; returns false when there are no more.
using CourseSource = std::function<bool(size_t max, std::vector<ImportedCourse>* batch)>;
// Called after every batch with the number of courses handled so far.
using ProgressFn = std::function<void(int64_t done)>;

struct LoadOptions {
  Actor actor;
  size_t batch_size = 5000;
  ProgressFn progress;
};

// Stores `providers`, then every course `next` yields. Counts go into `report`.
Status LoadCatalog(Store* store, const std::vector<Provider>& providers, const CourseSource& next,
                   const LoadOptions& options, ImportReport* report);

// A CourseSource over a vector held by the caller.
CourseSource SourceOf(const std::vector<ImportedCourse>& courses);

}  // namespace verder
