#include "web/moderation_api.h"

#include <nlohmann/json.hpp>

#include "auth/accounts.h"
#include "core/date.h"
#include "web/api_support.h"

namespace verder {
namespace {

using nlohmann::json;

Result<Principal> RequireOperator(const ModerationApiDeps& deps, const HttpRequest& r) {
  VERDER_ASSIGN_OR_RETURN(Principal who, deps.auth->Authenticate(r.Header("authorization")));
  if (who.kind != PrincipalKind::kOperator) {
    return PermissionDenied("only the operator's key may do this");
  }
  return who;
}

// A string field of a JSON body: required ones must be non-empty text.
Result<std::string> TextField(const json& body, const char* name, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return InvalidArgument(name, std::string(name) + " is required");
    return std::string();
  }
  if (!it->is_string()) return InvalidArgument(name, std::string(name) + " is text");
  std::string value = it->get<std::string>();
  if (required && value.empty()) return InvalidArgument(name, std::string(name) + " is required");
  return value;
}

json HoldJson(const Hold& h) {
  return {{"id", h.id},
          {"entity", h.entity == EntityKind::kProvider ? "provider" : "course"},
          {"entity_id", h.entity_id},
          {"reason", h.reason},
          {"hidden_at", FormatUtc(h.hidden_at)},
          {"hidden_by", h.hidden_by},
          {"lifted_at", h.lifted_at ? json(FormatUtc(*h.lifted_at)) : json(nullptr)}};
}

json ComplaintJson(const Complaint& c) {
  return {{"id", c.id},
          {"course_id", c.course_id},
          {"category", c.category},
          {"message", c.message},
          {"created_at", FormatUtc(c.created_at)},
          {"status", c.status},
          {"note", c.note}};
}

HttpResponse Created(const json& body) { return HttpResponse::Json(201, DumpJson(body)); }

// A new key's answer: the plaintext is shown this once, and no cache may keep it.
HttpResponse KeyCreated(const GeneratedKey& key, json extra) {
  extra["key"] = key.plaintext;
  extra["key_id"] = key.key_id;
  extra["note"] = "shown only this once: Verder keeps a hash";
  HttpResponse answer = Created(extra);
  answer.headers.emplace_back("Cache-Control", "no-store");
  return answer;
}

HttpResponse AddProviderHandler(const ModerationApiDeps& deps, const HttpRequest& r) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<json> body = JsonObjectBody(r);
  if (!body.ok()) return ErrorResponse(body.error());
  Provider p;
  for (auto [field, target, required] :
       {std::tuple{"key", &p.key, true}, std::tuple{"name", &p.name, true},
        std::tuple{"website", &p.website, false}, std::tuple{"kvk", &p.kvk, false},
        std::tuple{"brin", &p.brin, false}}) {
    Result<std::string> value = TextField(body.value(), field, required);
    if (!value.ok()) return ErrorResponse(value.error());
    *target = std::move(value).value();
  }
  std::vector<Error> problems;
  const Result<ProviderId> id = AddProvider(deps.store, p, ActorFor(who.value()), &problems);
  if (!id.ok()) return ErrorResponse(id.error());
  return Created({{"id", id.value()}, {"key", p.key}});
}

HttpResponse AddKey(const ModerationApiDeps& deps, const HttpRequest& r, const PathParams& p) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<int64_t> provider = ParsePositiveId(p.at("id"), "provider id");
  if (!provider.ok()) return ErrorResponse(provider.error());
  std::string label;
  if (!r.body.empty()) {
    const Result<json> body = JsonObjectBody(r);
    if (!body.ok()) return ErrorResponse(body.error());
    Result<std::string> l = TextField(body.value(), "label", false);
    if (!l.ok()) return ErrorResponse(l.error());
    label = l.value();
  }
  const Result<GeneratedKey> key =
      MakeApiKey(deps.store, provider.value(), label, ActorFor(who.value()));
  if (!key.ok()) return ErrorResponse(key.error());
  return KeyCreated(key.value(), {});
}

// A funder's key: {"label": "...", "schemes": ["stap-budget", ...]}, the schemes it may publish.
HttpResponse AddFunderKey(const ModerationApiDeps& deps, const HttpRequest& r) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<json> body = JsonObjectBody(r);
  if (!body.ok()) return ErrorResponse(body.error());
  Result<std::string> label = TextField(body.value(), "label", false);
  if (!label.ok()) return ErrorResponse(label.error());
  const auto schemes = body.value().find("schemes");
  std::vector<std::string> ids;
  if (schemes != body.value().end() && schemes->is_array()) {
    for (const json& id : *schemes) {
      if (!id.is_string()) return ErrorResponse(InvalidArgument("schemes", "list scheme ids"));
      ids.push_back(id.get<std::string>());
    }
  }
  if (ids.empty()) {
    return ErrorResponse(InvalidArgument(
        "schemes", "a funder's key needs the ids of the schemes it may publish, as a list"));
  }
  const Result<GeneratedKey> key =
      MakeApiKey(deps.store, std::nullopt, label.value(), ActorFor(who.value()), ids);
  if (!key.ok()) return ErrorResponse(key.error());
  return KeyCreated(key.value(), {{"schemes", ids}});
}

HttpResponse RevokeKey(const ModerationApiDeps& deps, const HttpRequest& r, const PathParams& p) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<std::optional<ApiKeyRecord>> key = deps.store->FindApiKey(p.at("key_id"));
  if (!key.ok()) return ErrorResponse(key.error());
  if (!key.value()) return ErrorResponse(NotFound("no API key with this id"));
  if (const Status s = deps.store->RevokeApiKey(key.value()->id, ActorFor(who.value())); !s.ok()) {
    return ErrorResponse(s.error());
  }
  return HttpResponse::Json(200, DumpJson({{"revoked", p.at("key_id")}}));
}

HttpResponse AddHold(const ModerationApiDeps& deps, const HttpRequest& r) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<json> body = JsonObjectBody(r);
  if (!body.ok()) return ErrorResponse(body.error());
  const Result<std::string> entity = TextField(body.value(), "entity", true);
  if (!entity.ok()) return ErrorResponse(entity.error());
  if (entity.value() != "course" && entity.value() != "provider") {
    return ErrorResponse(InvalidArgument("entity", "entity is course or provider"));
  }
  const auto id = body.value().find("id");
  if (id == body.value().end() || !id->is_number_integer() || id->get<int64_t>() <= 0) {
    return ErrorResponse(InvalidArgument("id", "id is a positive whole number"));
  }
  const Result<std::string> reason = TextField(body.value(), "reason", true);
  if (!reason.ok()) return ErrorResponse(reason.error());
  const Result<int64_t> hold = deps.store->HideEntity(
      entity.value() == "course" ? EntityKind::kCourse : EntityKind::kProvider, id->get<int64_t>(),
      reason.value(), ActorFor(who.value()));
  if (!hold.ok()) return ErrorResponse(hold.error());
  if (deps.changed) deps.changed();
  return Created({{"id", hold.value()}});
}

HttpResponse LiftHoldHandler(const ModerationApiDeps& deps, const HttpRequest& r,
                             const PathParams& p) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<int64_t> id = ParsePositiveId(p.at("id"), "hold id");
  if (!id.ok()) return ErrorResponse(id.error());
  if (const Status s = deps.store->LiftHold(id.value(), ActorFor(who.value())); !s.ok()) {
    return ErrorResponse(s.error());
  }
  if (deps.changed) deps.changed();
  return HttpResponse::Json(200, DumpJson({{"lifted", id.value()}}));
}

HttpResponse ListHolds(const ModerationApiDeps& deps, std::optional<ProviderId> provider,
                       bool standing_only) {
  const Result<std::vector<Hold>> holds = deps.store->Holds(provider, standing_only);
  if (!holds.ok()) return ErrorResponse(holds.error());
  json items = json::array();
  for (const Hold& h : holds.value()) items.push_back(HoldJson(h));
  HttpResponse answer = HttpResponse::Json(200, DumpJson({{"items", std::move(items)}}));
  answer.headers.emplace_back("Cache-Control", "no-store");
  return answer;
}

HttpResponse ProviderHolds(const ModerationApiDeps& deps, const HttpRequest& r,
                           const PathParams& p) {
  const Result<int64_t> provider = ParsePositiveId(p.at("id"), "provider id");
  if (!provider.ok()) return ErrorResponse(provider.error());
  const Result<Principal> who = deps.auth->Authenticate(r.Header("authorization"));
  if (!who.ok()) return AuthErrorResponse(who.error());
  if (const Status s = RequireProvider(who.value(), provider.value()); !s.ok()) {
    return AuthErrorResponse(s.error());
  }
  return ListHolds(deps, provider.value(), false);
}

HttpResponse ListComplaints(const ModerationApiDeps& deps, const HttpRequest& r) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const std::string* status = r.Query("status");
  if (status != nullptr && *status != "open" && *status != "all") {
    return ErrorResponse(InvalidArgument("status", "status is open or all"));
  }
  const Result<std::vector<Complaint>> list =
      deps.store->Complaints(status == nullptr || *status == "open", 1000);
  if (!list.ok()) return ErrorResponse(list.error());
  json items = json::array();
  for (const Complaint& c : list.value()) items.push_back(ComplaintJson(c));
  HttpResponse answer = HttpResponse::Json(200, DumpJson({{"items", std::move(items)}}));
  answer.headers.emplace_back("Cache-Control", "no-store");
  return answer;
}

HttpResponse HandleComplaint(const ModerationApiDeps& deps, const HttpRequest& r,
                             const PathParams& p) {
  const Result<Principal> who = RequireOperator(deps, r);
  if (!who.ok()) return AuthErrorResponse(who.error());
  const Result<int64_t> id = ParsePositiveId(p.at("id"), "complaint id");
  if (!id.ok()) return ErrorResponse(id.error());
  const Result<json> body = JsonObjectBody(r);
  if (!body.ok()) return ErrorResponse(body.error());
  const Result<std::string> status = TextField(body.value(), "status", true);
  if (!status.ok()) return ErrorResponse(status.error());
  const Result<std::string> note = TextField(body.value(), "note", false);
  if (!note.ok()) return ErrorResponse(note.error());
  if (const Status s = deps.store->SetComplaintStatus(id.value(), status.value(), note.value(),
                                                      ActorFor(who.value()));
      !s.ok()) {
    return ErrorResponse(s.error());
  }
  return HttpResponse::Json(200, DumpJson({{"id", id.value()}, {"status", status.value()}}));
}

}  // namespace

void AddModerationApi(const ModerationApiDeps& deps, Router* router) {
  router->Add("POST", "/api/v1/providers", [deps](const HttpRequest& r, const PathParams&) {
    return AddProviderHandler(deps, r);
  });
  router->Add("POST", "/api/v1/providers/{id}/keys",
              [deps](const HttpRequest& r, const PathParams& p) { return AddKey(deps, r, p); });
  router->Add("POST", "/api/v1/keys",
              [deps](const HttpRequest& r, const PathParams&) { return AddFunderKey(deps, r); });
  router->Add("DELETE", "/api/v1/keys/{key_id}",
              [deps](const HttpRequest& r, const PathParams& p) { return RevokeKey(deps, r, p); });
  router->Add(
      "GET", "/api/v1/providers/{id}/holds",
      [deps](const HttpRequest& r, const PathParams& p) { return ProviderHolds(deps, r, p); });
  router->Add("POST", "/api/v1/moderation/holds",
              [deps](const HttpRequest& r, const PathParams&) { return AddHold(deps, r); });
  router->Add(
      "DELETE", "/api/v1/moderation/holds/{id}",
      [deps](const HttpRequest& r, const PathParams& p) { return LiftHoldHandler(deps, r, p); });
  router->Add("GET", "/api/v1/moderation/holds", [deps](const HttpRequest& r, const PathParams&) {
    const Result<Principal> who = RequireOperator(deps, r);
    if (!who.ok()) return AuthErrorResponse(who.error());
    const std::string* standing = r.Query("standing");
    return ListHolds(deps, std::nullopt, standing == nullptr || *standing != "false");
  });
  router->Add("GET", "/api/v1/moderation/complaints",
              [deps](const HttpRequest& r, const PathParams&) { return ListComplaints(deps, r); });
  router->Add(
      "POST", "/api/v1/moderation/complaints/{id}",
      [deps](const HttpRequest& r, const PathParams& p) { return HandleComplaint(deps, r, p); });
}

}  // namespace verder
