// web/scheme_api.h — funding schemes as open data, and publishing them (issue 7).
//
// The rules that decide who gets what are public: anyone may read every scheme in force and how
// it changed. Funders (with a key for their schemes) and the operator publish new versions; a
// version comes into force at once, for every answer after it, without a restart.
//
//   GET /api/v1/funding/schemes             → {schemes: [{id, name, operator, funder, valid_from,
//                                               valid_to, status, version, published_at,
//                                               published_by}]}
//   GET /api/v1/funding/schemes/{id}         → the scheme's definition (data/schemes/README.md)
//   GET /api/v1/funding/schemes/{id}/history → {scheme_id, versions: [{version, published_at,
//                                               published_by, definition}]}
//   PUT /api/v1/funding/schemes/{id}         (Bearer key) a definition whose id is {id}
//     → 201 {scheme_id, version, changed: true, created: true} for a new scheme,
//       200 the same with created: false, or {changed: false} when it equals the one in force;
//       400 {error, problems: [{field, code, message}]} listing every problem; 401; 403.
#pragma once

#include "core/date.h"
#include "funding/scheme_registry.h"
#include "store/store.h"
#include "web/router.h"

namespace verder {

class ApiKeyAuthenticator;

struct SchemeApiDeps {
  funding::SchemeRegistry* registry;
  Store* store;
  const ApiKeyAuthenticator* auth;
  const Clock* clock;
};

void AddSchemeApi(const SchemeApiDeps& deps, Router* router);

}  // namespace verder
