// web/feed_api.h — providers keep their own offer current; anyone can see who changed what.
//
//   POST   /api/v1/providers/{id}/courses[?mode=full]  OOAPI v5 JSON array, NDJSON or CSV
//   DELETE /api/v1/providers/{id}/courses/{course_id}  withdraw one course by the provider's id
//   GET    /api/v1/courses/{id}/history                who changed which fields, when, old → new
//   GET    /api/v1/feeds/template.csv, /example.csv, /example.json   for providers to start from
//
// Writing needs `Authorization: Bearer vk_...` (auth/api_keys.h): a provider's key touches only
// its own courses (403 otherwise), the operator's any. A feed answers
// {accepted, created, updated, unchanged, withdrawn, rejected: [{index|line, id, field, code,
// message}]}: valid records are stored in one transaction, invalid ones listed, none dropped in
// silence. The default is delta; `mode=full` also withdraws what the feed no longer holds.
#pragma once

#include <functional>
#include <string>

#include "auth/api_keys.h"
#include "catalog/geo.h"
#include "store/store.h"
#include "web/router.h"

namespace verder {

struct FeedApiDeps {
  Store* store = nullptr;
  const GeoIndex* geo = nullptr;
  const ApiKeyAuthenticator* auth = nullptr;
  std::string feeds_dir;          // the repo's data/feeds: template and examples
  std::function<void()> changed;  // after a write: let search catch up now (may be empty)
};

// Everything in `deps` must outlive the router. Fails when the example files cannot be read.
Status AddFeedApi(const FeedApiDeps& deps, Router* router);

}  // namespace verder
