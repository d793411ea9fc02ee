#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "tests/cbs_regions.h"

namespace verder::fuzz {

std::string SourcePath(const std::string& relative) {
  const char* dir = std::getenv("VERDER_SOURCE_DIR");
  return std::string(dir != nullptr ? dir : VERDER_SOURCE_DIR_DEFAULT) + "/" + relative;
}

ReferenceData Reference() {
  ReferenceData d;
  // Every region, so that data/help_desks.json loads against them.
  d.regions = testing::CbsLabourMarketRegions();
  d.municipalities = {{"0363", "Amsterdam", "Noord-Holland", 11},
                      {"0014", "Groningen", "Groningen", 10},
                      {"0935", "Maastricht", "Limburg", 34},
                      {"0344", "Utrecht", "Utrecht", 19}};
  d.postcodes = {
      {"1012", 52.37, 4.89, "Amsterdam", "0363"}, {"1011", 52.37, 4.90, "Amsterdam", "0363"},
      {"9711", 53.22, 6.57, "Groningen", "0014"}, {"6211", 50.85, 5.69, "Maastricht", "0935"},
      {"3511", 52.09, 5.11, "Utrecht", "0344"},   {"3512", 52.09, 5.12, "Utrecht", "0344"}};
  for (const char* label : {"verpleegkundige", "boekhouder", "zorgmedewerker", "ict-beheerder",
                            "boekhoudkundig medewerker", "kok"}) {
    d.occupations.push_back({"esco", std::string("o:") + label, label, {}, ""});
  }
  for (const char* label : {"boekhouden", "btw-aangifte", "wondzorg", "programmeren", "koken"}) {
    d.skills.push_back({"esco", std::string("s:") + label, label, {}, ""});
  }
  return d;
}

void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what.c_str());
  std::abort();
}

}  // namespace verder::fuzz
