// ingest/reference_import.h — reads the real reference data from the shared data folder.
//
// Column mapping (source → field):
//  - cbs-arbeidsmarktregio/arbeidsmarktregio_gemeente.json: gemeenten{code → region name} →
//    Municipality.region_id; the 35 distinct names, sorted, become LabourMarketRegion ids 1..35.
//  - cbs-gemeenten-2025/gemeenten.csv: gm_code ("GM0363" → "0363") → Municipality.code,
//    gm_naam → name; gm_codes_and_provinces.csv: GM_code → province.
//  - geonames-nl-postcodes/NL.txt (tab): col 2 → Postcode4.pc4, col 3 → place, col 7 →
//    municipality_code, cols 10/11 → lat/lon. The first row of a PC4 wins.
//  - esco-nl/occupations_nl.csv: conceptUri → uri, preferredLabel → label, altLabels
//    (newline-separated) → alt_labels, iscoGroup → isco_code; source "esco".
//  - esco-nl/skillGroups_nl.csv: conceptUri, preferredLabel, altLabels → skills; source "esco".
//  - competentnl/occupation_labels.csv: rows grouped by uri; prefLabel → label, altLabel →
//    alt_labels; competentnl/capability_labels.csv: pref_label → label, label → alt_labels.
//
//   std::vector<ImportReport> reports;
//   Result<ReferenceData> ref = ReadReferenceData("../shared/data", &reports);
#pragma once

#include <string>
#include <vector>

#include "catalog/geo.h"
#include "core/status.h"
#include "ingest/import_report.h"

namespace verder {

// Fails (naming the file) only when a file is missing or unreadable; bad lines are reported.
Result<ReferenceData> ReadReferenceData(const std::string& data_dir,
                                        std::vector<ImportReport>* reports);

}  // namespace verder
