// web/open_data_api.h — the catalogue as open data, for anyone and for other portals.
//
//   GET /api/v1/export                        every public course as NDJSON, streamed in chunks
//   GET /ooapi/v5/courses                     OOAPI v5 pages: pageSize (1-250), pageNumber
//   GET /ooapi/v5/courses/{courseId}          one course in OOAPI shape
//   GET /ooapi/v5/courses/{courseId}/offerings   its offerings, paged the same way
//
// OOAPI pages answer {pageSize, pageNumber, hasPreviousPage, hasNextPage, totalPages, items}.
// Withdrawn courses are not public: they are left out of the export and answer 404 here.
#pragma once

#include <string>

#include "store/store.h"
#include "web/router.h"

namespace verder {

// `store` must outlive the router.
void AddOpenDataApi(Store* store, Router* router);
// GET /api/v1/openapi.yaml: the API description (data/openapi.yaml; JSON syntax, which YAML
// readers accept too, so the server needs no YAML library to check and render it).
void AddOpenApiDocument(std::string text, Router* router);

}  // namespace verder
