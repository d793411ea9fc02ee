// ingest/duo_import.h — the formal programme offer from DUO open data, as providers, courses and
// offerings.
//
// Column mapping (source → field):
//  - duo-ho-mbo-2019/mbo_inscriptions_2019.csv (`;`): BRIN NUMMER → Provider.brin and key
//    "brin:<BRIN>", INSTELLINGSNAAM → Provider.name; one Course per (BRIN, KWALIFICATIE CODE):
//    KWALIFICATIE CODE → primary_code {crebo} and external_id "crebo:<code>", KWALIFICATIE NAAM
//    → title.nl, KWALIFICATIENIVEAU → level mbo-1..4 and nlqf 1..4, DOMEIN / MBO SECTOR →
//    sector (the 2015 opleidingsdomein when mbo-kwalificaties-2015 knows the crebo); one
//    Offering per TYPE MBO (BOLVT daytime, BOLDT part-time, BBL work-based) at PLAATSNAAM
//    (→ municipality via GeoNames places, → the municipality's lowest PC4).
//  - mbo-kwalificaties-2015/kwalificaties_mbo_2015.csv: kwalificatie_crebo → kwalificatiedossier
//    and opleidingsdomein for the description and sector.
//  - duo-ho-mbo-2019/{hbo,wo}_{inscriptions,gediplomeerden}_2019.csv and
//    duo-hbo-ingeschrevenen/ingeschrevenen-hbo-2015-2019.json: BRIN NUMMER ACTUEEL / INSTELLINGS-
//    NAAM ACTUEEL → Provider; one Course per (BRIN, OPLEIDINGSCODE ACTUEEL): the CROHO code →
//    primary_code {croho}, OPLEIDINGSNAAM ACTUEEL without its "B "/"M "/"Ad " prefix → title.nl,
//    the prefix → level (hbo-ad, hbo-/wo-bachelor, hbo-/wo-master) and nlqf 5/6/7, CROHO
//    ONDERDEEL → sector; one Offering per (GEMEENTENUMMER, OPLEIDINGSVORM voltijd/deeltijd/duaal).
// Rows for men and women and the per-year counts are merged: a course exists if any row names it.
// Prices and start dates are not in DUO's data: costs are marked not stated, offerings have no
// date. Every formal course is OCW-recognised; bol, hbo and wo courses are Levenlanglerenkrediet-
// eligible.
#pragma once

#include <string>
#include <vector>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "core/status.h"
#include "ingest/import_report.h"

namespace verder {

// A course whose provider is named by key: ids are only known once providers are stored.
struct ImportedCourse {
  std::string provider_key;
  CourseWithOfferings course;
};

struct ImportedCatalog {
  std::vector<Provider> providers;
  std::vector<ImportedCourse> courses;
};

Result<ImportedCatalog> ReadDuoCatalog(const std::string& data_dir, const GeoIndex& geo,
                                       std::vector<ImportReport>* reports);

}  // namespace verder
