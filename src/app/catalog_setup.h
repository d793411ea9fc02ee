// app/catalog_setup.h — filling a store: the real open data and the demo catalogue.
//
// Each step records in the store's meta table that it completed, so a second start imports
// nothing again, and an interrupted step is simply run again (upserts of what is already there
// change nothing).
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "store/store.h"

namespace verder {

struct ImportOptions {
  std::string data_dir;  // ../shared/data
  bool quiet = false;    // no report lines (tests)
};

// Reference data and the DUO catalogue. Prints per-source counts unless quiet.
Status ImportOpenData(Store* store, const ImportOptions& options);

struct DemoLoadOptions {
  int64_t courses = 200000;
  uint64_t seed = 1;
  Date today;
  bool quiet = false;
};

// Needs reference data in the store (ImportOpenData first).
Status LoadDemoCatalog(Store* store, const DemoLoadOptions& options);

// What `serve` does on first start: both of the above, each only when not yet done.
Status EnsureCatalog(Store* store, const ImportOptions& import, const DemoLoadOptions& demo);

}  // namespace verder
