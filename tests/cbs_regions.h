// tests/cbs_regions.h — the 35 CBS labour-market regions as CBS spells them
// (../shared/data/cbs-arbeidsmarktregio), with the ids the importer gives them (1 to 35, in this
// alphabetical order). For the tests and fuzz targets that load data/help_desks.json without
// importing the open data.
#pragma once

#include <vector>

#include "catalog/geo.h"

namespace verder::testing {

inline std::vector<LabourMarketRegion> CbsLabourMarketRegions() {
  std::vector<LabourMarketRegion> regions;
  for (const char* name : {"Achterhoek",
                           "Amersfoort",
                           "Drechtsteden",
                           "Drenthe",
                           "Flevoland",
                           "FoodValley",
                           "Friesland",
                           "Gooi en Vechtstreek",
                           "Gorinchem",
                           "Groningen",
                           "Groot Amsterdam",
                           "Haaglanden",
                           "Helmond-De Peel",
                           "Holland Rijnland",
                           "Midden-Brabant",
                           "Midden-Gelderland",
                           "Midden-Holland",
                           "Midden-Limburg",
                           "Midden-Utrecht",
                           "Noord-Holland Noord",
                           "Noord-Limburg",
                           "Noordoost-Brabant",
                           "Regio Zwolle",
                           "Rijk van Nijmegen",
                           "Rijnmond",
                           "Rivierenland",
                           "Twente",
                           "Veluwe Stedendriehoek",
                           "West-Brabant",
                           "Zaanstreek/Waterland",
                           "Zeeland",
                           "Zuid-Holland Centraal",
                           "Zuid-Kennemerland en IJmond",
                           "Zuid-Limburg",
                           "Zuidoost-Brabant"}) {
    regions.push_back({static_cast<int>(regions.size()) + 1, name});
  }
  return regions;
}

}  // namespace verder::testing
