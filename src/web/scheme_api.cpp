#include "web/scheme_api.h"

#include <map>
#include <nlohmann/json.hpp>

#include "auth/api_keys.h"
#include "web/api_support.h"

namespace verder {
namespace {

using nlohmann::json;

json LocalizedJson(const LocalizedText& t) { return {{"nl", t.nl}, {"en", t.en}}; }

json OptionalDate(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

// "running", "ended" or "not_started" on `today`: an ended scheme is never shown as available.
const char* StatusOn(const funding::Scheme& s, Date today) {
  if (s.valid_to && today > *s.valid_to) return "ended";
  if (s.valid_from && today < *s.valid_from) return "not_started";
  return "running";
}

HttpResponse ListSchemes(const SchemeApiDeps& deps) {
  const Result<std::vector<SchemeVersion>> published = deps.store->LatestSchemeVersions();
  if (!published.ok()) return ErrorResponse(published.error());
  std::map<std::string, const SchemeVersion*> latest;
  for (const SchemeVersion& v : published.value()) latest[v.scheme_id] = &v;
  const Date today = deps.clock->Today();
  json schemes = json::array();
  for (const funding::Scheme& s : deps.registry->Current()->schemes()) {
    json j = {{"id", s.id},
              {"name", LocalizedJson(s.name)},
              {"operator", LocalizedJson(s.operator_name)},
              {"funder", s.funder},
              {"valid_from", OptionalDate(s.valid_from)},
              {"valid_to", OptionalDate(s.valid_to)},
              {"status", StatusOn(s, today)},
              {"version", nullptr},
              {"published_at", nullptr},
              {"published_by", nullptr}};
    // A scheme in force that was published has its latest version in force (the registry
    // overlays the store's latest versions), unless that version no longer passed the checks.
    if (const auto it = latest.find(s.id);
        it != latest.end() && it->second->definition == s.definition) {
      j["version"] = it->second->version;
      j["published_at"] = FormatUtc(it->second->published_at);
      j["published_by"] = it->second->published_by;
    }
    schemes.push_back(std::move(j));
  }
  return HttpResponse::Json(200, DumpJson({{"schemes", schemes}}));
}

HttpResponse GetScheme(const SchemeApiDeps& deps, const std::string& id) {
  const std::shared_ptr<const funding::FundingEngine> engine = deps.registry->Current();
  const funding::Scheme* s = engine->FindScheme(id);
  if (s == nullptr) return ErrorResponse(NotFound("no funding scheme with id '" + id + "'"));
  return HttpResponse::Json(200, s->definition);
}

HttpResponse SchemeHistory(const SchemeApiDeps& deps, const std::string& id) {
  const Result<std::vector<SchemeVersion>> history = deps.store->SchemeHistory(id);
  if (!history.ok()) return ErrorResponse(history.error());
  if (history.value().empty() && deps.registry->Current()->FindScheme(id) == nullptr) {
    return ErrorResponse(NotFound("no funding scheme with id '" + id + "'"));
  }
  json versions = json::array();
  for (const SchemeVersion& v : history.value()) {
    versions.push_back({{"version", v.version},
                        {"published_at", FormatUtc(v.published_at)},
                        {"published_by", v.published_by},
                        {"definition", json::parse(v.definition, nullptr, false)}});
  }
  return HttpResponse::Json(200, DumpJson({{"scheme_id", id}, {"versions", versions}}));
}

HttpResponse ProblemsResponse(const Error& error, const std::vector<Error>& problems) {
  json list = json::array();
  for (const Error& p : problems) {
    list.push_back({{"field", p.field}, {"code", ErrorCodeName(p.code)}, {"message", p.message}});
  }
  const json body = {
      {"error",
       {{"code", ErrorCodeName(error.code)}, {"field", error.field}, {"message", error.message}}},
      {"problems", list}};
  return HttpResponse::Json(400, DumpJson(body));
}

HttpResponse PublishScheme(const SchemeApiDeps& deps, const HttpRequest& r, const std::string& id) {
  const Result<Principal> who = deps.auth->Authenticate(r.Header("authorization"));
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Actor actor = ActorFor(who.value());
  int64_t version = 0;
  std::vector<Error> problems;
  const Result<funding::PublishOutcome> outcome = deps.registry->Publish(
      r.body,
      [&](const funding::Scheme& s, bool) -> Status {
        if (s.id != id) {
          return InvalidArgument("id", "the definition's id '" + s.id +
                                           "' is not the one in the address, '" + id + "'");
        }
        return RequireSchemePublisher(who.value(), s.id);
      },
      [&](const funding::Scheme& s) -> Status {
        VERDER_ASSIGN_OR_RETURN(SchemeVersion v,
                                deps.store->PublishSchemeVersion(s.id, s.definition, actor));
        version = v.version;
        return Status();
      },
      &problems);
  if (!outcome.ok()) {
    if (!problems.empty()) return ProblemsResponse(outcome.error(), problems);
    if (outcome.error().code == ErrorCode::kPermissionDenied) {
      return AuthErrorResponse(outcome.error());
    }
    return ErrorResponse(outcome.error());
  }
  json body = {{"scheme_id", outcome.value().scheme_id},
               {"changed", outcome.value().changed},
               {"created", outcome.value().changed && outcome.value().created}};
  if (outcome.value().changed) body["version"] = version;
  const int status = outcome.value().changed && outcome.value().created ? 201 : 200;
  return HttpResponse::Json(status, DumpJson(body));
}

}  // namespace

void AddSchemeApi(const SchemeApiDeps& deps, Router* router) {
  router->Add("GET", "/api/v1/funding/schemes",
              [deps](const HttpRequest&, const PathParams&) { return ListSchemes(deps); });
  router->Add(
      "GET", "/api/v1/funding/schemes/{id}",
      [deps](const HttpRequest&, const PathParams& p) { return GetScheme(deps, p.at("id")); });
  router->Add(
      "GET", "/api/v1/funding/schemes/{id}/history",
      [deps](const HttpRequest&, const PathParams& p) { return SchemeHistory(deps, p.at("id")); });
  router->Add("PUT", "/api/v1/funding/schemes/{id}",
              [deps](const HttpRequest& r, const PathParams& p) {
                return PublishScheme(deps, r, p.at("id"));
              });
}

}  // namespace verder
