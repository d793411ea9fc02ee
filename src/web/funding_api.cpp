#include "web/funding_api.h"

#include <nlohmann/json.hpp>

#include "web/api_support.h"
#include "web/funding_params.h"

namespace verder {
namespace {

using nlohmann::json;

const std::string& Pick(const LocalizedText& t, bool english) {
  return english && !t.en.empty() ? t.en : t.nl;
}

json ErrorsJson(const std::vector<funding::AnswerError>& errors, bool english) {
  json out = json::array();
  for (const funding::AnswerError& e : errors) {
    out.push_back({{"field", e.field},
                   {"code", funding::AnswerErrorCodeName(e.code)},
                   {"message", Pick(e.message, english)}});
  }
  return out;
}

json SchemesJson(const funding::FundingEngine& engine,
                 const std::vector<funding::SchemeAnswer>& answers, bool english, bool with_pays) {
  json out = json::array();
  for (const funding::SchemeAnswer& a : answers) {
    const funding::Scheme* scheme = engine.FindScheme(a.scheme_id);
    json j = {
        {"id", a.scheme_id},
        {"name", scheme != nullptr ? Pick(scheme->name, english) : a.scheme_id},
        {"verdict", funding::VerdictName(a.verdict)},
        {"reason", Pick(a.reason, english)},
        {"missing", a.missing},
        {"budget_left_cents", a.budget_left_cents ? json(*a.budget_left_cents) : json(nullptr)},
        {"apply_url", scheme != nullptr ? scheme->apply_url : ""}};
    if (with_pays) j["pays_cents"] = a.pays_cents;
    out.push_back(std::move(j));
  }
  return out;
}

struct Common {
  FundingAnswers answers;
  Date as_of;
  bool english = false;
};

// The person's answers, the day and the language; an error only for as_of and lang, which are
// not a person's answers but the caller's.
Result<Common> ParseCommon(const FundingApiDeps& deps, const HttpRequest& r) {
  Common c;
  c.answers = ParseFundingParams(r.query);
  c.as_of = deps.clock->Today();
  if (const std::string* as_of = r.Query("as_of")) {
    const Result<Date> d = Date::Parse(*as_of);
    if (!d.ok()) return InvalidArgument("as_of", "must be a date as YYYY-MM-DD");
    c.as_of = d.value();
  }
  if (const std::string* lang = r.Query("lang")) {
    if (*lang != "nl" && *lang != "en") return InvalidArgument("lang", "must be nl or en");
    c.english = *lang == "en";
  }
  return c;
}

HttpResponse Reply(const json& body) {
  HttpResponse res =
      HttpResponse::Json(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
  res.headers.emplace_back("Cache-Control", "no-store");  // answers about a person: never cached
  return res;
}

HttpResponse Check(const FundingApiDeps& deps, const HttpRequest& r) {
  const Result<Common> c = ParseCommon(deps, r);
  if (!c.ok()) return ErrorResponse(c.error());
  const std::shared_ptr<const funding::FundingEngine> engine = deps.schemes->Current();
  funding::PersonCheck check = engine->CheckPerson(c.value().answers.person, c.value().as_of);
  std::vector<funding::AnswerError> errors = c.value().answers.errors;
  errors.insert(errors.end(), check.errors.begin(), check.errors.end());
  return Reply({{"as_of", c.value().as_of.ToString()},
                {"errors", ErrorsJson(errors, c.value().english)},
                {"schemes", SchemesJson(*engine, check.schemes, c.value().english, false)}});
}

HttpResponse NetCost(const FundingApiDeps& deps, const HttpRequest& r) {
  const Result<Common> c = ParseCommon(deps, r);
  if (!c.ok()) return ErrorResponse(c.error());
  const std::string* course_text = r.Query("course");
  if (course_text == nullptr) return ErrorResponse(InvalidArgument("course", "is required"));
  const Result<int64_t> id = ParsePositiveId(*course_text, "course");
  if (!id.ok()) return ErrorResponse(id.error());
  const Result<CourseRecord> record = deps.store->GetCourse(id.value());
  if (!record.ok()) return ErrorResponse(record.error());
  if (record.value().hold_reason) return ErrorResponse(NotFound("this course is not shown"));
  const Course& course = record.value().course;
  const std::shared_ptr<const funding::FundingEngine> engine = deps.schemes->Current();
  const funding::CourseCheck cost = engine->NetCost(
      c.value().answers.person,
      funding::FundingCourseOnDay(course, record.value().offerings, c.value().as_of),
      c.value().as_of);
  std::vector<funding::AnswerError> errors = c.value().answers.errors;
  errors.insert(errors.end(), cost.errors.begin(), cost.errors.end());
  const bool en = c.value().english;
  return Reply(
      {{"as_of", c.value().as_of.ToString()},
       {"course", {{"id", course.id}, {"title", Pick(course.title, en)}}},
       {"errors", ErrorsJson(errors, en)},
       {"schemes", SchemesJson(*engine, cost.schemes, en, true)},
       {"total_cents", cost.total_cents ? json(*cost.total_cents) : json(nullptr)},
       {"net_cost_cents", cost.net_cost_cents ? json(*cost.net_cost_cents) : json(nullptr)}});
}

}  // namespace

void AddFundingApi(const FundingApiDeps& deps, Router* router) {
  router->Add("GET", "/api/v1/funding/check",
              [deps](const HttpRequest& r, const PathParams&) { return Check(deps, r); });
  router->Add("GET", "/api/v1/funding/net-cost",
              [deps](const HttpRequest& r, const PathParams&) { return NetCost(deps, r); });
}

}  // namespace verder
