// fuzz/fuzz_support.h — what the fuzz targets share: where the repository's data is, and a small
// but real piece of the reference data (regions, municipalities, postcodes) that the feed readers,
// the search parameters and the pages look postcodes up in.
//
//   const std::string data = fuzz::SourcePath("data");    // $VERDER_SOURCE_DIR/data
//   static const GeoIndex geo(fuzz::Reference());
//   if (!invariant) fuzz::Fail("what broke");             // a crash libFuzzer keeps the input of
//
// Loaded once, in LLVMFuzzerInitialize; the targets never write to the repository.
#pragma once

#include <string>

#include "catalog/geo.h"

namespace verder::fuzz {

// A path under the source tree: $VERDER_SOURCE_DIR (set by ctest and `make fuzz`) or the tree
// this binary was configured from.
std::string SourcePath(const std::string& relative);

// The 35 labour-market regions, four municipalities and their postcodes (those of the example feeds
// and the pages' examples), and a short vocabulary of occupations and skills.
ReferenceData Reference();

// Reports a broken promise of the code under test and aborts, so libFuzzer keeps the input.
[[noreturn]] void Fail(const std::string& what);

}  // namespace verder::fuzz
