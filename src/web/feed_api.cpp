#include "web/feed_api.h"

#include <memory>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/file.h"
#include "ingest/feed_csv.h"
#include "ingest/feed_reader.h"
#include "web/api_support.h"

namespace verder {
namespace {

using nlohmann::json;

// Who is asking, and may they write this provider's courses? The provider must exist.
Result<Principal> Authorise(const FeedApiDeps& deps, const HttpRequest& request,
                            ProviderId provider) {
  VERDER_ASSIGN_OR_RETURN(Principal who, deps.auth->Authenticate(request.Header("authorization")));
  VERDER_RETURN_IF_ERROR(RequireProvider(who, provider));
  VERDER_RETURN_IF_ERROR(deps.store->GetProvider(provider).status());
  return who;
}

json RejectionJson(const FeedRejection& r) {
  json j = json::object();
  if (r.index) j["index"] = *r.index;
  if (r.line) j["line"] = *r.line;
  j["id"] = r.id;
  j["field"] = r.field;
  j["code"] = r.code;
  j["message"] = r.message;
  return j;
}

bool IsCsv(const HttpRequest& request) {
  const std::string type = request.Header("content-type");
  return type.rfind("text/csv", 0) == 0;
}

bool IsJsonType(const std::string& type) {
  return type.empty() || type.rfind("application/json", 0) == 0 ||
         type.rfind("application/x-ndjson", 0) == 0 || type.rfind("application/ndjson", 0) == 0;
}

HttpResponse PostCourses(const FeedApiDeps& deps, const HttpRequest& request,
                         const PathParams& params) {
  const Result<int64_t> provider = ParsePositiveId(params.at("id"), "provider id");
  if (!provider.ok()) return ErrorResponse(provider.error());
  const Result<Principal> who = Authorise(deps, request, provider.value());
  if (!who.ok()) return AuthErrorResponse(who.error());
  bool full = false;
  if (const std::string* mode = request.Query("mode")) {
    if (*mode != "full" && *mode != "delta") {
      return ErrorResponse(InvalidArgument("mode", "mode is full or delta"));
    }
    full = *mode == "full";
  }
  if (!IsCsv(request) && !IsJsonType(request.Header("content-type"))) {
    return ErrorResponse(InvalidArgument(
        "content-type", "send application/json (an array), application/x-ndjson or text/csv"));
  }
  FeedParse parse =
      IsCsv(request) ? ReadCsvFeed(request.body, deps.geo) : ReadJsonFeed(request.body, deps.geo);

  FeedSyncOptions options;
  options.full = full;
  // A rejected record still says the course exists: a full feed must not withdraw it for a
  // typo. A record we could not even identify makes "what is missing" unknowable, so then a
  // full feed withdraws nothing.
  bool unidentified = false;
  for (const FeedRejection& r : parse.rejected) {
    if (r.id.empty()) unidentified = true;
    options.keep.push_back(r.id);
  }
  if (parse.more_rejected > 0) unidentified = true;
  const bool withdrawal_skipped = full && unidentified;
  if (withdrawal_skipped) options.full = false;

  std::vector<CourseWithOfferings> courses;
  courses.reserve(parse.records.size());
  for (FeedRecord& r : parse.records) {
    r.course.course.provider_id = provider.value();
    courses.push_back(std::move(r.course));
  }
  const Result<FeedSyncReport> sync =
      deps.store->SyncProviderCourses(provider.value(), courses, options, ActorFor(who.value()));
  if (!sync.ok()) return ErrorResponse(sync.error());
  if (deps.changed) deps.changed();

  const UpsertReport& up = sync.value().upsert;
  json ids = json::array();
  for (size_t i = 0; i < courses.size() && i < up.ids.size(); ++i) {
    ids.push_back({{"id", courses[i].course.external_id}, {"course_id", up.ids[i]}});
  }
  json rejected = json::array();
  for (const FeedRejection& r : parse.rejected) rejected.push_back(RejectionJson(r));
  const json body = {{"mode", full ? "full" : "delta"},
                     {"accepted", courses.size()},
                     {"created", up.created},
                     {"updated", up.updated},
                     {"unchanged", up.unchanged},
                     {"withdrawn", sync.value().withdrawn.size()},
                     {"withdrawal_skipped", withdrawal_skipped},
                     {"rejected_records", parse.records_rejected},
                     {"rejected", std::move(rejected)},
                     {"rejected_not_listed", parse.more_rejected},
                     {"courses", std::move(ids)}};
  // Everything rejected is a client error; anything stored is a success with a report.
  const int status = courses.empty() && !parse.rejected.empty() ? 422 : 200;
  HttpResponse r = HttpResponse::Json(status, DumpJson(body));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse DeleteCourse(const FeedApiDeps& deps, const HttpRequest& request,
                          const PathParams& params) {
  const Result<int64_t> provider = ParsePositiveId(params.at("id"), "provider id");
  if (!provider.ok()) return ErrorResponse(provider.error());
  const Result<Principal> who = Authorise(deps, request, provider.value());
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<CourseId> id = deps.store->WithdrawProviderCourse(
      provider.value(), params.at("course_id"), ActorFor(who.value()));
  if (!id.ok()) return ErrorResponse(id.error());
  if (deps.changed) deps.changed();
  return HttpResponse::Json(
      200, DumpJson({{"withdrawn", params.at("course_id")}, {"course_id", id.value()}}));
}

HttpResponse History(const FeedApiDeps& deps, const PathParams& params) {
  const Result<int64_t> id = ParsePositiveId(params.at("id"), "course id");
  if (!id.ok()) return ErrorResponse(id.error());
  // A course that never existed is a 404, not an empty history.
  if (const Result<CourseRecord> c = deps.store->GetCourse(id.value()); !c.ok()) {
    return ErrorResponse(c.error());
  } else if (c.value().hold_reason) {
    return ErrorResponse(NotFound("this course is not shown"));
  }
  const Result<std::vector<Change>> history = deps.store->History(EntityKind::kCourse, id.value());
  if (!history.ok()) return ErrorResponse(history.error());
  json items = json::array();
  for (const Change& c : history.value()) {
    json changes = json::object();
    if (!c.diff_json.empty()) {
      changes = json::parse(c.diff_json, nullptr, false);
      if (changes.is_discarded()) changes = json::object();
    }
    items.push_back({{"seq", c.seq},
                     {"at", FormatUtc(c.at)},
                     {"by", c.actor},
                     {"action", ChangeActionName(c.action)},
                     {"changes", std::move(changes)}});
  }
  HttpResponse r = HttpResponse::Json(200, DumpJson({{"course_id", id.value()}, {"items", items}}));
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

HttpResponse Download(const std::string& body, const std::string& type, const std::string& name) {
  HttpResponse r;
  r.status = 200;
  r.content_type = type;
  r.body = body;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace

Status AddFeedApi(const FeedApiDeps& deps, Router* router) {
  VERDER_ASSIGN_OR_RETURN(std::string example_csv, ReadFile(deps.feeds_dir + "/example.csv"));
  VERDER_ASSIGN_OR_RETURN(std::string example_json, ReadFile(deps.feeds_dir + "/example.json"));
  router->Add(
      "POST", "/api/v1/providers/{id}/courses",
      [deps](const HttpRequest& r, const PathParams& p) { return PostCourses(deps, r, p); });
  router->Add(
      "DELETE", "/api/v1/providers/{id}/courses/{course_id}",
      [deps](const HttpRequest& r, const PathParams& p) { return DeleteCourse(deps, r, p); });
  router->Add("GET", "/api/v1/courses/{id}/history",
              [deps](const HttpRequest&, const PathParams& p) { return History(deps, p); });
  const std::string csv_type = "text/csv; charset=utf-8";
  router->Add("GET", "/api/v1/feeds/template.csv",
              [csv_type](const HttpRequest&, const PathParams&) {
                return Download(CsvFeedTemplate(), csv_type, "verder-template.csv");
              });
  router->Add("GET", "/api/v1/feeds/example.csv",
              [csv_type, example_csv](const HttpRequest&, const PathParams&) {
                return Download(example_csv, csv_type, "verder-example.csv");
              });
  router->Add("GET", "/api/v1/feeds/example.json",
              [example_json](const HttpRequest&, const PathParams&) {
                return Download(example_json, "application/json", "verder-example.json");
              });
  return Status();
}

}  // namespace verder
