// ingest/demo_catalog.h — a deterministic synthetic free-market catalogue for scale.
//
// ~5,000 providers and any number of courses, built from the real vocabulary (ESCO and
// CompetentNL occupations and skills) with a Zipf distribution over terms, real towns and PC4s,
// plausible prices, dates, modes and levels. Everything is marked is_demo. The same reference
// data, options and seed give byte-identical output, and course i depends only on (seed, i), so
// batches can be produced lazily for a million courses without holding them all.
//
//   DemoCatalog demo(reference, {.courses = 200000, .seed = 42, .today = clock.Today()});
//   std::vector<Provider> providers = demo.Providers();
//   ImportedCourse c = demo.CourseAt(17);
#pragma once

#include <cstdint>
#include <vector>

#include "catalog/geo.h"
#include "ingest/catalog_loader.h"

namespace verder {

struct DemoOptions {
  int64_t courses = 200000;
  uint64_t seed = 1;
  int providers = 5000;
  Date today;  // offerings start within a year after this date
};

class DemoCatalog {
 public:
  // `reference` must hold postcodes and vocabulary; it must outlive this object.
  DemoCatalog(const ReferenceData& reference, const DemoOptions& options);

  std::vector<Provider> Providers() const;
  ImportedCourse CourseAt(int64_t index) const;
  // A CourseSource yielding courses 0..options.courses-1 in order.
  CourseSource Source() const;

 private:
  struct ProviderSeed {
    std::string name;
    size_t home_postcode;
  };
  const ReferenceData& reference_;
  DemoOptions options_;
  std::vector<ProviderSeed> provider_seeds_;
  std::vector<double> provider_cdf_;    // Zipf over providers: a few large, many small
  std::vector<double> occupation_cdf_;  // Zipf over a seeded permutation of the vocabulary
  std::vector<double> skill_cdf_;
  std::vector<size_t> occupation_order_;
  std::vector<size_t> skill_order_;
};

}  // namespace verder
