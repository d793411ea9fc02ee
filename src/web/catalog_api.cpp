#include "web/catalog_api.h"

#include <nlohmann/json.hpp>

#include "catalog/course_json.h"
#include "web/api_support.h"

namespace verder {
namespace {

using nlohmann::json;

HttpResponse GetCourse(Store* store, const PathParams& params) {
  const Result<int64_t> id = ParsePositiveId(params.at("id"), "id");
  if (!id.ok()) return ErrorResponse(id.error());
  const Result<CourseRecord> record = store->GetCourse(id.value());
  if (!record.ok()) return ErrorResponse(record.error());
  // Withdrawn courses stay readable (with their status); held ones are off the site entirely.
  if (record.value().hold_reason) return ErrorResponse(NotFound("this course is not shown"));
  HttpResponse r = HttpResponse::Json(200, DumpJson(CourseRecordJson(record.value())));
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  return r;
}

HttpResponse Health(Store* store) {
  const Result<StoreCounts> counts = store->Counts();
  if (!counts.ok()) return ErrorResponse(counts.error());
  const json body = {{"status", "ok"},
                     {"courses", counts.value().courses},
                     {"providers", counts.value().providers},
                     {"last_seq", counts.value().last_seq}};
  HttpResponse r = HttpResponse::Json(200, DumpJson(body));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

nlohmann::json CourseRecordJson(const CourseRecord& record) {
  json body = ToJson(record.course);
  body["provider"] = ToJson(record.provider);
  json offerings = json::array();
  for (const Offering& o : record.offerings) offerings.push_back(ToJson(o));
  body["offerings"] = std::move(offerings);
  return body;
}

void AddCatalogApi(Store* store, Router* router) {
  router->Add("GET", "/health",
              [store](const HttpRequest&, const PathParams&) { return Health(store); });
  router->Add("GET", "/api/v1/courses/{id}",
              [store](const HttpRequest&, const PathParams& p) { return GetCourse(store, p); });
}

}  // namespace verder
