#include "web/open_data_api.h"

#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>

#include "ingest/ooapi_writer.h"
#include "web/api_support.h"
#include "web/catalog_api.h"

namespace verder {
namespace {

using nlohmann::json;

constexpr int kExportBatch = 250;  // courses per chunk: a few hundred KB
constexpr int kOoapiDefaultPageSize = 10;
constexpr int kOoapiMaxPageSize = 250;

// A whole number in [min, max] from the query, or `fallback` when absent.
Result<int64_t> IntParam(const HttpRequest& r, const char* name, int64_t fallback, int64_t min,
                         int64_t max) {
  const std::string* text = r.Query(name);
  if (text == nullptr) return fallback;
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    return InvalidArgument(name, std::string(name) + " is a whole number from " +
                                     std::to_string(min) + " to " + std::to_string(max));
  }
  return v;
}

HttpResponse Export(Store* store) {
  HttpResponse r;
  r.content_type = "application/x-ndjson; charset=utf-8";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"verder-courses.ndjson\"");
  r.headers.emplace_back("Cache-Control", "no-cache");
  // Keyset paging from one chunk to the next: no lock or cursor is held while the client reads.
  struct State {
    CourseId after = 0;
    bool done = false;
  };
  auto state = std::make_shared<State>();
  r.next_chunk = [store, state](std::string* chunk) {
    if (state->done) return false;
    const Result<std::vector<CourseRecord>> batch =
        store->ActiveCourses(state->after, 0, kExportBatch);
    if (!batch.ok()) {
      // The header is sent already: say so in the stream, as a last line a reader can detect.
      *chunk =
          DumpJson({{"error", {{"code", "unavailable"}, {"message", batch.error().message}}}}) +
          "\n";
      state->done = true;
      return true;
    }
    for (const CourseRecord& c : batch.value()) *chunk += DumpJson(CourseRecordJson(c)) + "\n";
    if (!batch.value().empty()) state->after = batch.value().back().course.id;
    state->done = static_cast<int>(batch.value().size()) < kExportBatch;
    return !chunk->empty() || !state->done;
  };
  return r;
}

struct Page {
  int64_t size = kOoapiDefaultPageSize;
  int64_t number = 1;
};

Result<Page> ParsePage(const HttpRequest& r) {
  Page p;
  VERDER_ASSIGN_OR_RETURN(p.size,
                          IntParam(r, "pageSize", kOoapiDefaultPageSize, 1, kOoapiMaxPageSize));
  VERDER_ASSIGN_OR_RETURN(p.number, IntParam(r, "pageNumber", 1, 1, 10'000'000));
  return p;
}

json PageJson(const Page& p, int64_t total, json items) {
  const int64_t pages = (total + p.size - 1) / p.size;
  return {{"pageSize", p.size},
          {"pageNumber", p.number},
          {"hasPreviousPage", p.number > 1},
          {"hasNextPage", p.number < pages},
          {"totalPages", pages},
          {"items", std::move(items)}};
}

HttpResponse OoapiJson(const json& body) {
  HttpResponse r = HttpResponse::Json(200, DumpJson(body));
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  return r;
}

HttpResponse OoapiCourses(Store* store, const HttpRequest& request) {
  const Result<Page> page = ParsePage(request);
  if (!page.ok()) return ErrorResponse(page.error());
  const Result<int64_t> total = store->CountActiveCourses();
  if (!total.ok()) return ErrorResponse(total.error());
  const Result<std::vector<CourseRecord>> records = store->ActiveCourses(
      0, (page.value().number - 1) * page.value().size, static_cast<int>(page.value().size));
  if (!records.ok()) return ErrorResponse(records.error());
  json items = json::array();
  for (const CourseRecord& c : records.value()) {
    json course = OoapiCourseJson(c);
    course.erase("offerings");  // OOAPI lists them under their own path
    items.push_back(std::move(course));
  }
  return OoapiJson(PageJson(page.value(), total.value(), std::move(items)));
}

// The course when it exists and is public.
Result<CourseRecord> PublicCourse(Store* store, const std::string& id_text) {
  VERDER_ASSIGN_OR_RETURN(const int64_t id, ParsePositiveId(id_text, "courseId"));
  VERDER_ASSIGN_OR_RETURN(CourseRecord record, store->GetCourse(id));
  if (!record.is_public()) {
    return NotFound("course " + id_text + " is no longer offered");
  }
  return record;
}

HttpResponse OoapiCourse(Store* store, const PathParams& params) {
  const Result<CourseRecord> record = PublicCourse(store, params.at("courseId"));
  if (!record.ok()) return ErrorResponse(record.error());
  json course = OoapiCourseJson(record.value());
  course.erase("offerings");
  return OoapiJson(course);
}

HttpResponse OoapiOfferings(Store* store, const HttpRequest& request, const PathParams& params) {
  const Result<Page> page = ParsePage(request);
  if (!page.ok()) return ErrorResponse(page.error());
  const Result<CourseRecord> record = PublicCourse(store, params.at("courseId"));
  if (!record.ok()) return ErrorResponse(record.error());
  const std::vector<Offering>& all = record.value().offerings;
  const auto first = static_cast<size_t>((page.value().number - 1) * page.value().size);
  json items = json::array();
  for (size_t i = first; i < all.size() && i < first + static_cast<size_t>(page.value().size);
       ++i) {
    items.push_back(OoapiOfferingJson(all[i], record.value().course));
  }
  return OoapiJson(PageJson(page.value(), static_cast<int64_t>(all.size()), std::move(items)));
}

}  // namespace

void AddOpenApiDocument(std::string text, Router* router) {
  router->Add("GET", "/api/v1/openapi.yaml",
              [text = std::move(text)](const HttpRequest&, const PathParams&) {
                HttpResponse r;
                r.content_type = "application/yaml; charset=utf-8";
                r.body = text;
                r.headers.emplace_back("Cache-Control", "public, max-age=3600");
                return r;
              });
}

void AddOpenDataApi(Store* store, Router* router) {
  router->Add("GET", "/api/v1/export",
              [store](const HttpRequest&, const PathParams&) { return Export(store); });
  router->Add("GET", "/ooapi/v5/courses",
              [store](const HttpRequest& r, const PathParams&) { return OoapiCourses(store, r); });
  router->Add("GET", "/ooapi/v5/courses/{courseId}",
              [store](const HttpRequest&, const PathParams& p) { return OoapiCourse(store, p); });
  router->Add(
      "GET", "/ooapi/v5/courses/{courseId}/offerings",
      [store](const HttpRequest& r, const PathParams& p) { return OoapiOfferings(store, r, p); });
}

}  // namespace verder
