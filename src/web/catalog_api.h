// web/catalog_api.h — the catalogue's JSON endpoints.
//
//   GET /health                 {"status": "ok", "courses": N, "last_seq": S}
//   GET /api/v1/courses/{id}    the course with its provider and offerings
//
// No business rules here: the handlers translate HTTP to Store calls and results to JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "store/store.h"
#include "web/router.h"

namespace verder {

// A course with its provider and offerings, as /api/v1/courses/{id} and the export write it.
nlohmann::json CourseRecordJson(const CourseRecord& record);

// `store` must outlive the router.
void AddCatalogApi(Store* store, Router* router);

}  // namespace verder
