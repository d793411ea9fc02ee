#include "app/catalog_setup.h"

#include <chrono>
#include <cstdio>

#include "app/progress_bar.h"
#include "ingest/catalog_loader.h"
#include "ingest/demo_catalog.h"
#include "ingest/duo_import.h"
#include "ingest/reference_import.h"

namespace verder {
namespace {

constexpr const char* kOpenDataDone = "import.open_data.done";
constexpr const char* kDemoDone = "import.demo.done";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Status ImportOpenData(Store* store, const ImportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<ImportReport> reports;
  VERDER_ASSIGN_OR_RETURN(ReferenceData reference, ReadReferenceData(options.data_dir, &reports));
  VERDER_RETURN_IF_ERROR(store->ReplaceReferenceData(reference));
  const GeoIndex geo(std::move(reference));
  VERDER_ASSIGN_OR_RETURN(ImportedCatalog catalog, ReadDuoCatalog(options.data_dir, geo, &reports));
  ImportReport stored{.source = "duo → store", .file = "(all DUO files)"};
  ProgressBar bar("DUO-opleidingen", static_cast<int64_t>(catalog.courses.size()));
  LoadOptions load{.actor = {"import:duo"}, .batch_size = 2000, .progress = nullptr};
  if (!options.quiet) load.progress = [&bar](int64_t done) { bar.Update(done); };
  VERDER_RETURN_IF_ERROR(
      LoadCatalog(store, catalog.providers, SourceOf(catalog.courses), load, &stored));
  if (!options.quiet) bar.Finish();
  stored.rows = static_cast<int64_t>(catalog.courses.size());
  stored.kept = stored.courses;
  reports.push_back(stored);
  VERDER_RETURN_IF_ERROR(store->SetMeta(kOpenDataDone, "1"));
  if (!options.quiet) {
    for (const ImportReport& r : reports) std::fprintf(stderr, "  %s\n", Summarise(r).c_str());
    std::fprintf(stderr, "Open data imported in %.1f s\n", SecondsSince(start));
  }
  return Status();
}

Status LoadDemoCatalog(Store* store, const DemoLoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  VERDER_ASSIGN_OR_RETURN(ReferenceData reference, store->LoadReferenceData());
  if (reference.postcodes.empty() || reference.occupations.empty() || reference.skills.empty()) {
    return InvalidArgument("", "the store has no reference data yet; run `verder import` first");
  }
  const DemoCatalog demo(reference, {.courses = options.courses,
                                     .seed = options.seed,
                                     .providers = 5000,
                                     .today = options.today});
  ImportReport report{.source = "demo", .file = "(generated)"};
  ProgressBar bar("Demo-aanbod", options.courses);
  LoadOptions load{.actor = {"demo"}, .batch_size = 5000, .progress = nullptr};
  if (!options.quiet) load.progress = [&bar](int64_t done) { bar.Update(done); };
  VERDER_RETURN_IF_ERROR(LoadCatalog(store, demo.Providers(), demo.Source(), load, &report));
  if (!options.quiet) bar.Finish();
  VERDER_RETURN_IF_ERROR(store->SetMeta(kDemoDone, std::to_string(options.courses)));
  if (!options.quiet) {
    report.rows = options.courses;
    report.kept = report.courses;
    std::fprintf(stderr, "  %s\nDemo catalogue loaded in %.1f s\n", Summarise(report).c_str(),
                 SecondsSince(start));
  }
  return Status();
}

Status EnsureCatalog(Store* store, const ImportOptions& import, const DemoLoadOptions& demo) {
  VERDER_ASSIGN_OR_RETURN(auto open_data_done, store->GetMeta(kOpenDataDone));
  if (!open_data_done) {
    if (!import.quiet)
      std::fprintf(stderr, "First start: importing the open data from %s\n",
                   import.data_dir.c_str());
    VERDER_RETURN_IF_ERROR(ImportOpenData(store, import));
  }
  VERDER_ASSIGN_OR_RETURN(auto demo_done, store->GetMeta(kDemoDone));
  if (!demo_done && demo.courses > 0) {
    if (!demo.quiet) {
      std::fprintf(stderr, "First start: generating %lld demo courses\n",
                   static_cast<long long>(demo.courses));
    }
    VERDER_RETURN_IF_ERROR(LoadDemoCatalog(store, demo));
  }
  return Status();
}

}  // namespace verder
