// The complaint form's two requests: GET shows it on its own (and the thanks after sending),
// POST checks and stores a complaint, then redirects (303) so a reload cannot send it twice.
//
// Checks, in order: the course is on the site; the request comes from our own pages (an Origin
// header, when sent, names our host); the form token is ours, for this course, and fresh; the
// address has not sent too many; the answers are valid. Nothing about the person is stored.
#include <algorithm>

#include "core/utf8.h"
#include "web/http.h"
#include "web/pages/pages_internal.h"

namespace verder {
namespace {

constexpr size_t kMaxMessageChars = 2000;

std::string TokenPurpose(CourseId course) { return "complaint:" + std::to_string(course); }

// Letters, digits, punctuation, spaces and line breaks: no other control characters.
bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7f;
  });
}

std::string Trim(const std::string& s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

HttpResponse Page(const SiteDeps& deps, const PageContext& ctx, const CourseRecord& record,
                  ComplaintForm form, int status) {
  if (!form.sent && deps.form_tokens != nullptr) {
    form.token =
        deps.form_tokens->Issue(TokenPurpose(record.course.id), deps.clock->NowUnixSeconds());
  }
  HttpResponse r = HtmlResponse(status, RenderComplaintPage(ctx, record, form));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse ComplaintRequest(const SiteDeps& deps, Lang lang, const std::string& id_text,
                              const HttpRequest& r) {
  const std::optional<int64_t> id = ParseId(id_text);
  const std::string other =
      lang == Lang::kNl ? "/en/course/" + id_text + "/report" : "/opleiding/" + id_text + "/melden";
  const PageContext ctx = Context(deps, lang, other);
  if (!id) return HtmlResponse(404, RenderError(ctx, 404, ""));
  const Result<CourseRecord> record = deps.store->GetCourse(*id);
  if (!record.ok() || !record.value().is_public()) {
    const bool missing = !record.ok() ? record.error().code == ErrorCode::kNotFound : true;
    return HtmlResponse(missing ? 404 : 500, RenderError(ctx, missing ? 404 : 500, ""));
  }
  ComplaintForm form;
  if (r.method != "POST") {
    form.sent = r.Query("sent") != nullptr;
    return Page(deps, ctx, record.value(), form, 200);
  }
  std::vector<std::pair<std::string, std::string>> fields;
  if (!ParseQueryString(r.body, &fields)) {
    form.form_error = ctx.T("complaint.error.form");
    return Page(deps, ctx, record.value(), form, 400);
  }
  for (const auto& [name, value] : fields) {
    if (name == "category") form.category = value;
    if (name == "message") form.message = value;
    if (name == "token") form.token = value;
  }
  if (const std::optional<FormRefusal> refused = CheckFormPost(
          deps, ctx, r, {form.token, TokenPurpose(*id), deps.complaint_limit, "complaint"})) {
    form.form_error = refused->message;
    return refused->Apply(Page(deps, ctx, record.value(), form, refused->status));
  }
  const std::vector<std::string>& categories = ComplaintCategories();
  if (std::find(categories.begin(), categories.end(), form.category) == categories.end()) {
    form.category.clear();
    form.category_error = ctx.T("complaint.error.category");
  }
  const std::string message = Trim(form.message);
  if (!IsValidUtf8(message) || HasControlCharacters(message)) {
    form.message.clear();
    form.message_error = ctx.T("complaint.error.characters");
  } else if (message.empty()) {
    form.message_error = ctx.T("complaint.error.empty");
  } else if (CountCodePoints(message) > kMaxMessageChars) {
    form.message_error = ctx.T("complaint.error.long");
  }
  if (!form.category_error.empty() || !form.message_error.empty()) {
    return Page(deps, ctx, record.value(), form, 400);
  }
  verder::Complaint complaint;
  complaint.course_id = *id;
  complaint.category = form.category;
  complaint.message = message;
  if (const Result<int64_t> stored = deps.store->AddComplaint(complaint); !stored.ok()) {
    return HtmlResponse(500, RenderError(ctx, 500, ""));
  }
  HttpResponse see_other;
  see_other.status = 303;
  see_other.headers.emplace_back("Location", ComplaintPath(ctx, *id) + "?sent=1");
  see_other.headers.emplace_back("Cache-Control", "no-store");
  return see_other;
}

}  // namespace

void AddComplaintPages(const SiteDeps& deps, Router* router) {
  for (const char* method : {"GET", "POST"}) {
    router->Add(method, "/opleiding/{id}/melden",
                [deps](const HttpRequest& r, const PathParams& p) {
                  return ComplaintRequest(deps, Lang::kNl, p.at("id"), r);
                });
    router->Add(method, "/en/course/{id}/report",
                [deps](const HttpRequest& r, const PathParams& p) {
                  return ComplaintRequest(deps, Lang::kEn, p.at("id"), r);
                });
  }
}

}  // namespace verder
