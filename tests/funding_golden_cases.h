// tests/funding_golden_cases.h — the funding golden cases (tests/golden/funding/) as engine input.
//
// Shared by funding_golden_test (the engine against the expected answers) and funding_test (the
// fast net cost against the engine on the same cases). The case format is in the README there.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "funding/funding_course.h"
#include "funding/person.h"

namespace verder::funding::golden {

// $VERDER_SOURCE_DIR (set by ctest), else the source folder this was built from.
std::string SourceDir();

struct GoldenCase {
  std::string file;  // the file name, for messages
  nlohmann::json j;  // the case as written
};

// gtest prints a case by its id instead of its bytes.
void PrintTo(const GoldenCase& c, std::ostream* out);

// Every case of every tests/golden/funding/*.json, files in name order.
std::vector<GoldenCase> LoadGoldenCases();

Person PersonFrom(const nlohmann::json& j);         // a case's "person"
FundingCourse CourseFrom(const nlohmann::json& j);  // a case's "course"

}  // namespace verder::funding::golden
