// "What can be paid for me?": at most six questions in one GET form (no JavaScript, nothing
// stored: the answers are the URL), then every scheme as yes / maybe / no / ended with its reason,
// the budget left and where to apply. Also the net-cost block of a course page.
#include "funding/vocabulary.h"
#include "web/pages/pages_internal.h"

namespace verder {
namespace {

using funding::AnswerError;
using funding::SchemeAnswer;
using funding::Verdict;

const AnswerError* ErrorFor(const std::vector<AnswerError>& errors, const std::string& field) {
  for (const AnswerError& e : errors) {
    if (e.field == field || e.field.rfind(field + ".", 0) == 0) return &e;
  }
  return nullptr;
}

std::string Answer(const FundingAnswers& a, const std::string& name) {
  for (const auto& [k, v] : a.raw) {
    if (k == name) return v;
  }
  return "";
}

// A labelled field with its hint and, when the answer was wrong, the message beside it.
void OpenField(const PageContext& ctx, const std::string& id, const std::string& label_key,
               const std::string& hint_key, const AnswerError* error, HtmlAttributes* control,
               HtmlWriter* w) {
  OpenFormField(id, ctx.T(label_key), hint_key.empty() ? "" : ctx.T(hint_key),
                error != nullptr ? ctx.Text(error->message) : "", control, w);
}

void Select(const PageContext& ctx, const FundingAnswers& a, const std::vector<AnswerError>& errors,
            const std::string& name, const std::vector<std::string>& values, HtmlWriter* w) {
  HtmlAttributes attrs = {{"id", name}, {"name", name}};
  OpenField(ctx, name, "pay." + name, "", ErrorFor(errors, name), &attrs, w);
  w->Open("select", attrs);
  const std::string chosen = Answer(a, name);
  w->Element("option", "—", {{"value", ""}});
  const std::string key_prefix = name + ".";
  for (const std::string& v : values) {
    HtmlAttributes option = {{"value", v}};
    if (v == chosen) option.emplace_back("selected", "selected");
    w->Element("option", ctx.T(key_prefix + v), option);
  }
  w->Close("select").Close("div");
}

void TextInput(const PageContext& ctx, const FundingAnswers& a,
               const std::vector<AnswerError>& errors, const std::string& name,
               const std::string& hint_key, const char* error_field, HtmlWriter* w) {
  HtmlAttributes attrs = {
      {"type", "text"},
      {"id", name},
      {"name", name},
      {"value", Answer(a, name)},
      {"class", "short"},
      {"inputmode", name == "postcode" || name == "age" ? "numeric" : "decimal"},
      {"maxlength", "10"}};
  if (name == "postcode") attrs.emplace_back("autocomplete", "postal-code");
  OpenField(ctx, name, "pay." + name, hint_key, ErrorFor(errors, error_field), &attrs, w);
  w->Void("input", attrs);
  w->Close("div");
}

void WriteForm(const PageContext& ctx, const FundingAnswers& a,
               const std::vector<AnswerError>& errors, CourseId course, HtmlWriter* w) {
  w->Open("form", {{"action", ctx.Path("funding")}, {"method", "get"}, {"class", "questions"}});
  TextInput(ctx, a, errors, "age", "pay.age.hint", "age", w);
  Select(ctx, a, errors, "education", funding::EducationValues(), w);
  Select(ctx, a, errors, "work", funding::WorkValues(), w);
  Select(ctx, a, errors, "sector", funding::SectorValues(), w);
  TextInput(ctx, a, errors, "postcode", "", "postcode", w);
  w->Open("fieldset").Element("legend", ctx.T("pay.used"));
  w->Element("p", ctx.T("pay.used.hint"), {{"class", "hint"}});
  TextInput(ctx, a, errors, "stap_used", "", "used_this_year_cents", w);
  TextInput(ctx, a, errors, "ppo_used", "", "ppo_cofinanced_last_12m_cents", w);
  w->Close("fieldset");
  if (course > 0)
    w->Void("input", {{"type", "hidden"}, {"name", "course"}, {"value", std::to_string(course)}});
  w->Element("button", ctx.T("pay.button"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form");
}

void WriteScheme(const PageContext& ctx, const funding::FundingEngine& engine,
                 const SchemeAnswer& answer, HtmlWriter* w) {
  const funding::Scheme* scheme = engine.FindScheme(answer.scheme_id);
  if (scheme == nullptr) return;
  w->Open("li", {{"class", "card scheme"}});
  w->Element("h4", ctx.Text(scheme->name));
  w->Element("p", ctx.Text(answer.reason));
  if (answer.verdict == Verdict::kYes || answer.verdict == Verdict::kMaybe) {
    if (answer.budget_left_cents) {
      w->Element("p", ctx.words->Format(ctx.lang, "pay.budget_left",
                                        {{"amount", HumanEuros(ctx, *answer.budget_left_cents)}}));
    }
    if (!ctx.Text(scheme->obligations).empty())
      w->Element("p", ctx.Text(scheme->obligations), {{"class", "hint"}});
    if (!scheme->apply_url.empty()) {
      w->Open("p")
          .Element("a",
                   ctx.words->Format(ctx.lang, "pay.apply",
                                     {{"operator", ctx.Text(scheme->operator_name)}}),
                   {{"href", scheme->apply_url}, {"rel", "noopener noreferrer"}})
          .Close("p");
    }
  }
  w->Close("li");
}

}  // namespace

std::string RenderFunding(const PageContext& ctx, const funding::FundingEngine& engine,
                          const FundingPage& page) {
  HtmlWriter w;
  w.Element("h1", ctx.T("pay.title"));
  w.Element("p", ctx.T("pay.intro"), {{"class", "lead"}});
  if (!page.errors.empty()) {
    w.Open("div", {{"class", "notice"}, {"role", "alert"}}).Element("p", ctx.T("pay.errors"));
    w.Open("ul");
    for (const AnswerError& e : page.errors) w.Element("li", ctx.Text(e.message));
    w.Close("ul").Close("div");
  }
  if (page.check) {
    w.Element("h2", ctx.T("pay.results"));
    static constexpr std::pair<Verdict, const char*> kGroups[] = {
        {Verdict::kYes, "pay.group.yes"},
        {Verdict::kMaybe, "pay.group.maybe"},
        {Verdict::kNo, "pay.group.no"},
        {Verdict::kEnded, "pay.group.ended"}};
    for (const auto& [verdict, key] : kGroups) {
      bool any = false;
      for (const SchemeAnswer& a : page.check->schemes) any = any || a.verdict == verdict;
      if (!any) continue;
      w.Element("h3", ctx.T(key));
      w.Open("ul", {{"class", "cards"}});
      for (const SchemeAnswer& a : page.check->schemes) {
        if (a.verdict == verdict) WriteScheme(ctx, engine, a, &w);
      }
      w.Close("ul");
    }
    w.Element("p", ctx.T("pay.note"), {{"class", "hint"}});
    const std::string answers = FundingQueryString(page.answers);
    w.Open("p");
    if (page.course > 0) {
      w.Element(
          "a", ctx.T("pay.back_to_course"),
          {{"href", ctx.Path("course") + std::to_string(page.course) + "?" + answers.substr(1)}});
    } else {
      w.Element("a", ctx.T("pay.search"), {{"href", ctx.Path("search") + "?" + answers.substr(1)}});
    }
    w.Close("p");
    if (!page.save_token.empty()) WriteSaveAnswersForm(ctx, page.answers, page.save_token, &w);
  }
  WriteForm(ctx, page.answers, page.errors, page.course, &w);
  w.Open("p", {{"class", "hint"}})
      .Element("a", ctx.T("saved.restore.link"), {{"href", RestoreAnswersPath(ctx)}})
      .Close("p");
  return RenderPage(ctx, ctx.T("pay.title"), w.Take());
}

void WriteCourseFunding(const PageContext& ctx, const CourseFunding& f, CourseId course,
                        HtmlWriter* w) {
  w->Element("h2", ctx.T("pay.course.title"));
  const std::string ask_url =
      ctx.Path("funding") + "?course=" + std::to_string(course) + FundingQueryString(*f.answers);
  if (!f.cost) {
    w->Open("p").Text(ctx.T("pay.course.ask") + " ");
    w->Element("a", ctx.T("pay.course.ask_link"), {{"href", ask_url}}).Close("p");
    return;
  }
  std::vector<std::string> maybe;
  std::vector<std::string> pays;
  for (const SchemeAnswer& a : f.cost->schemes) {
    const funding::Scheme* scheme = f.engine->FindScheme(a.scheme_id);
    if (scheme == nullptr) continue;
    if (a.verdict == Verdict::kYes && a.pays_cents > 0) {
      pays.push_back(ctx.words->Format(
          ctx.lang, "pay.course.pays",
          {{"scheme", ctx.Text(scheme->name)}, {"amount", HumanEuros(ctx, a.pays_cents)}}));
    } else if (a.verdict == Verdict::kMaybe &&
               (scheme->payment.kind == funding::PaymentKind::kCourse ||
                scheme->payment.kind == funding::PaymentKind::kUnpublished)) {
      maybe.push_back(ctx.Text(scheme->name));
    }
  }
  if (!pays.empty()) {
    w->Open("ul");
    for (const std::string& line : pays) w->Element("li", line);
    w->Close("ul");
  }
  if (pays.empty()) w->Element("p", ctx.T("pay.course.none_pays"));
  if (f.cost->net_cost_cents) {
    w->Open("p")
        .Element("strong",
                 ctx.words->Format(ctx.lang, "pay.course.net",
                                   {{"amount", HumanEuros(ctx, *f.cost->net_cost_cents)}}))
        .Close("p");
  } else {
    w->Element("p", ctx.T("pay.course.net_unknown"));
  }
  if (!maybe.empty()) {
    std::string names;
    for (const std::string& n : maybe) names += (names.empty() ? "" : ", ") + n;
    w->Element("p", ctx.words->Format(ctx.lang, "pay.course.maybe", {{"schemes", names}}));
  }
  w->Element("p", ctx.T("pay.note"), {{"class", "hint"}});
  w->Open("p").Element("a", ctx.T("pay.course.change"), {{"href", ask_url}}).Close("p");
}

}  // namespace verder
