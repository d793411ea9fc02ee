#include "web/catalog_api.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "catalog/course_json.h"

namespace verder {
namespace {

using nlohmann::json;

std::string Dump(const json& j) {
  // Stored text is valid UTF-8 (validated on the way in); replace rather than throw regardless.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<int64_t> ParseId(const std::string& text) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return InvalidArgument("id", "a course id is a positive whole number");
  }
  return id;
}

HttpResponse GetCourse(Store* store, const PathParams& params) {
  const Result<int64_t> id = ParseId(params.at("id"));
  if (!id.ok()) return ErrorResponse(id.error());
  const Result<CourseRecord> record = store->GetCourse(id.value());
  if (!record.ok()) return ErrorResponse(record.error());
  json body = ToJson(record.value().course);
  body["provider"] = ToJson(record.value().provider);
  json offerings = json::array();
  for (const Offering& o : record.value().offerings) offerings.push_back(ToJson(o));
  body["offerings"] = std::move(offerings);
  HttpResponse r = HttpResponse::Json(200, Dump(body));
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
  HttpResponse r = HttpResponse::Json(200, Dump(body));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddCatalogApi(Store* store, Router* router) {
  router->Add("GET", "/health",
              [store](const HttpRequest&, const PathParams&) { return Health(store); });
  router->Add("GET", "/api/v1/courses/{id}",
              [store](const HttpRequest&, const PathParams& p) { return GetCourse(store, p); });
}

}  // namespace verder
