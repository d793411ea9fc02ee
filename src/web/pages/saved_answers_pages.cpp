// Saving the funding answers, only when the person asks (issue 7): a form under the results
// with a consent box, a page that shows the code once, and a page where the code brings the
// answers back or deletes them. Plain POST forms with a token: no JavaScript, no cookie, no
// account. The answers are kept encrypted for the code (auth/answer_vault.h) for a year.
#include "auth/answer_vault.h"
#include "core/utf8.h"
#include "web/http.h"
#include "web/pages/pages_internal.h"

namespace verder {
namespace {

constexpr int64_t kKeptSeconds = 365LL * 24 * 60 * 60;
// Six questions' answers fit in a few hundred bytes; more is not answers but a way to make us
// store data.
constexpr size_t kMaxAnswersBytes = 1024;

// What the restore page shows: the form, with what was wrong, or what was done.
struct RestoreForm {
  std::string token;
  std::string code;   // as typed, to show it again
  std::string error;  // about the code
  std::string form_error;
  bool deleted = false;
};

std::vector<std::pair<std::string, std::string>> FormFields(const HttpRequest& r, bool* valid) {
  std::vector<std::pair<std::string, std::string>> fields;
  *valid = ParseQueryString(r.body, &fields);
  return fields;
}

std::string Field(const std::vector<std::pair<std::string, std::string>>& fields,
                  std::string_view name) {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return "";
}

HttpResponse NoStore(HttpResponse page) {
  page.headers.emplace_back("Cache-Control", "no-store");
  return page;
}

void WriteRestoreForm(const PageContext& ctx, const RestoreForm& form, HtmlWriter* w) {
  if (!form.form_error.empty()) {
    w->Element("p", form.form_error, {{"class", "error"}, {"role", "alert"}});
  }
  w->Open("form", {{"method", "post"}, {"action", RestoreAnswersPath(ctx)}});
  w->Void("input", {{"type", "hidden"}, {"name", "token"}, {"value", form.token}});
  HtmlAttributes input = {{"type", "text"},        {"id", "code"},
                          {"name", "code"},        {"value", form.code},
                          {"autocomplete", "off"}, {"spellcheck", "false"},
                          {"maxlength", "40"},     {"autocapitalize", "none"}};
  OpenFormField("code", ctx.T("saved.code"), ctx.T("saved.code.hint"), form.error, &input, w);
  w->Void("input", input);
  w->Close("div");
  w->Element("button", ctx.T("saved.restore.button"),
             {{"class", "button"}, {"type", "submit"}, {"name", "action"}, {"value", "restore"}});
  w->Text(" ");
  w->Element(
      "button", ctx.T("saved.delete.button"),
      {{"class", "button secondary"}, {"type", "submit"}, {"name", "action"}, {"value", "delete"}});
  w->Close("form");
}

HttpResponse RestorePage(const SiteDeps& deps, const PageContext& ctx, RestoreForm form,
                         int status) {
  if (deps.form_tokens != nullptr) {
    form.token = deps.form_tokens->Issue(kSaveAnswersPurpose, deps.clock->NowUnixSeconds());
  }
  HtmlWriter w;
  w.Element("h1", ctx.T("saved.restore.title"));
  if (form.deleted) {
    w.Element("p", ctx.T("saved.deleted"), {{"class", "notice"}, {"role", "status"}});
  } else {
    w.Element("p", ctx.T("saved.restore.intro"));
    WriteRestoreForm(ctx, form, &w);
  }
  w.Open("p").Element("a", ctx.T("saved.to_questions"), {{"href", ctx.Path("funding")}}).Close("p");
  return NoStore(HtmlResponse(status, RenderPage(ctx, ctx.T("saved.restore.title"), w.Take())));
}

// The page after saving: the code, once, and what it is for.
std::string RenderSaved(const PageContext& ctx, const std::string& shown_code,
                        const FundingAnswers& answers) {
  HtmlWriter w;
  w.Element("h1", ctx.T("saved.done.title"));
  w.Element("p", ctx.T("saved.done.intro"));
  w.Open("p", {{"class", "save-code"}}).Element("strong", shown_code).Close("p");
  w.Element("p", ctx.T("saved.done.keep"));
  w.Element("p", ctx.T("saved.done.expiry"), {{"class", "hint"}});
  w.Open("ul");
  w.Open("li")
      .Element("a", ctx.T("saved.done.back"),
               {{"href", ctx.Path("funding") + "?" + FundingQueryString(answers).substr(1)}})
      .Close("li");
  w.Open("li")
      .Element("a", ctx.T("saved.done.restore"), {{"href", RestoreAnswersPath(ctx)}})
      .Close("li");
  w.Close("ul");
  return RenderPage(ctx, ctx.T("saved.done.title"), w.Take());
}

// A page with only a message and the way back (consent missing, nothing to save).
HttpResponse SaveProblem(const PageContext& ctx, int status, const std::string& message,
                         const FundingAnswers& answers) {
  HtmlWriter w;
  w.Element("h1", ctx.T("saved.save.title"));
  w.Element("p", message, {{"class", "error"}, {"role", "alert"}});
  const std::string back =
      ctx.Path("funding") +
      (answers.given ? "?" + FundingQueryString(answers).substr(1) : std::string());
  w.Open("p").Element("a", ctx.T("saved.to_questions"), {{"href", back}}).Close("p");
  return NoStore(HtmlResponse(status, RenderPage(ctx, ctx.T("saved.save.title"), w.Take())));
}

HttpResponse SaveRequest(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx = Context(deps, lang, lang == Lang::kNl ? "/en/funding" : "/betalen");
  bool valid = false;
  const auto fields = FormFields(r, &valid);
  const FundingAnswers answers = ParseFundingParams(fields);
  if (!valid) return SaveProblem(ctx, 400, ctx.T("saved.error.form"), answers);
  if (const std::optional<FormRefusal> refused = CheckFormPost(
          deps, ctx, r,
          {Field(fields, "token"), kSaveAnswersPurpose, deps.saved_answers_limit, "saved"})) {
    return refused->Apply(SaveProblem(ctx, refused->status, refused->message, answers));
  }
  if (!answers.given) return SaveProblem(ctx, 400, ctx.T("saved.error.nothing"), answers);
  // Saving is the person's choice: without the box ticked, nothing is kept.
  if (Field(fields, "consent") != "yes") {
    return SaveProblem(ctx, 400, ctx.T("saved.error.consent"), answers);
  }
  const std::string plain = FundingQueryString(answers).substr(1);
  if (plain.size() > kMaxAnswersBytes)
    return SaveProblem(ctx, 400, ctx.T("saved.error.form"), answers);
  const int64_t expires = deps.clock->NowUnixSeconds() + kKeptSeconds;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const std::string shown = NewSaveCode();
    const std::string code = ParseSaveCode(shown).value_or("");
    const Status saved =
        deps.store->SaveAnswers(SaveCodeLookup(code), SealAnswers(code, plain), expires);
    if (saved.ok()) return NoStore(HtmlResponse(200, RenderSaved(ctx, shown, answers)));
    if (saved.error().code != ErrorCode::kConflict) break;
  }
  return NoStore(HtmlResponse(500, RenderError(ctx, 500, "")));
}

HttpResponse RestoreRequest(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, lang == Lang::kNl ? "/en/funding/restore" : "/betalen/ophalen");
  RestoreForm form;
  if (r.method != "POST") return RestorePage(deps, ctx, form, 200);
  bool valid = false;
  const auto fields = FormFields(r, &valid);
  if (!valid) {
    form.form_error = ctx.T("saved.error.form");
    return RestorePage(deps, ctx, form, 400);
  }
  form.code = Field(fields, "code").substr(0, 40);
  if (!IsValidUtf8(form.code)) form.code.clear();  // shown again in the form: never cut text
  if (const std::optional<FormRefusal> refused = CheckFormPost(
          deps, ctx, r,
          {Field(fields, "token"), kSaveAnswersPurpose, deps.saved_answers_limit, "saved"})) {
    form.form_error = refused->message;
    return refused->Apply(RestorePage(deps, ctx, form, refused->status));
  }
  const std::optional<std::string> code = ParseSaveCode(form.code);
  if (!code) {
    form.error = ctx.T("saved.error.code");
    return RestorePage(deps, ctx, form, 400);
  }
  const std::string lookup = SaveCodeLookup(*code);
  if (Field(fields, "action") == "delete") {
    const Result<bool> deleted = deps.store->DeleteAnswers(lookup);
    if (!deleted.ok()) return NoStore(HtmlResponse(500, RenderError(ctx, 500, "")));
    if (!deleted.value()) {
      form.error = ctx.T("saved.error.unknown");
      return RestorePage(deps, ctx, form, 404);
    }
    form.deleted = true;
    return RestorePage(deps, ctx, form, 200);
  }
  const Result<std::optional<std::string>> sealed = deps.store->LoadAnswers(lookup);
  if (!sealed.ok()) return NoStore(HtmlResponse(500, RenderError(ctx, 500, "")));
  const std::optional<std::string> plain =
      sealed.value() ? OpenAnswers(*code, *sealed.value()) : std::nullopt;
  std::vector<std::pair<std::string, std::string>> params;
  if (!plain || !ParseQueryString(*plain, &params)) {
    form.error = ctx.T("saved.error.unknown");
    return RestorePage(deps, ctx, form, 404);
  }
  // Back to the results, with the answers in the address as if just filled in (303: a reload
  // does not post the code again).
  HttpResponse to_results = HtmlResponse(303, "");
  to_results.headers.emplace_back(
      "Location",
      ctx.Path("funding") + "?" + FundingQueryString(ParseFundingParams(params)).substr(1));
  return NoStore(std::move(to_results));
}

}  // namespace

std::string SaveAnswersPath(const PageContext& ctx) {
  return ctx.Path("funding") + (ctx.lang == Lang::kNl ? "/bewaren" : "/save");
}

std::string RestoreAnswersPath(const PageContext& ctx) {
  return ctx.Path("funding") + (ctx.lang == Lang::kNl ? "/ophalen" : "/restore");
}

void WriteSaveAnswersForm(const PageContext& ctx, const FundingAnswers& answers,
                          const std::string& token, HtmlWriter* w) {
  w->Open("section", {{"class", "save-answers"}, {"aria-labelledby", "save-title"}});
  w->Element("h2", ctx.T("saved.save.title"), {{"id", "save-title"}});
  w->Element("p", ctx.T("saved.save.intro"));
  w->Open("form", {{"method", "post"}, {"action", SaveAnswersPath(ctx)}});
  w->Void("input", {{"type", "hidden"}, {"name", "token"}, {"value", token}});
  for (const auto& [name, value] : answers.raw) {
    w->Void("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
  }
  w->Open("div", {{"class", "choice"}})
      .Void("input", {{"type", "checkbox"},
                      {"id", "consent"},
                      {"name", "consent"},
                      {"value", "yes"},
                      {"required", "required"}})
      .Element("label", ctx.T("saved.save.consent"), {{"for", "consent"}})
      .Close("div");
  w->Element("button", ctx.T("saved.save.button"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form").Close("section");
}

void AddSavedAnswersPages(const SiteDeps& deps, Router* router) {
  router->Add("POST", "/betalen/bewaren", [deps](const HttpRequest& r, const PathParams&) {
    return SaveRequest(deps, Lang::kNl, r);
  });
  router->Add("POST", "/en/funding/save", [deps](const HttpRequest& r, const PathParams&) {
    return SaveRequest(deps, Lang::kEn, r);
  });
  for (const char* method : {"GET", "POST"}) {
    router->Add(method, "/betalen/ophalen", [deps](const HttpRequest& r, const PathParams&) {
      return RestoreRequest(deps, Lang::kNl, r);
    });
    router->Add(method, "/en/funding/restore", [deps](const HttpRequest& r, const PathParams&) {
      return RestoreRequest(deps, Lang::kEn, r);
    });
  }
}

}  // namespace verder
