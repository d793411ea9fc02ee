// "Klopt er iets niet?": the complaint form under every course page, and its own page for when
// it comes back with problems or has been sent. A plain POST form: it works without JavaScript,
// asks for no personal data, and carries a token that proves we served it (auth/form_tokens.h).
#include "web/pages/pages_internal.h"

namespace verder {

const std::vector<std::string>& ComplaintCategories() {
  static const std::vector<std::string> kCategories = {"wrong_info", "misleading", "not_offered",
                                                       "other"};
  return kCategories;
}

std::string ComplaintPath(const PageContext& ctx, CourseId course) {
  return ctx.Path("course") + std::to_string(course) +
         (ctx.lang == Lang::kNl ? "/melden" : "/report");
}

void WriteComplaintForm(const PageContext& ctx, CourseId course, const ComplaintForm& form,
                        HtmlWriter* w) {
  w->Open("section", {{"class", "complaint"}, {"aria-labelledby", "complaint-title"}});
  w->Element("h2", ctx.T("complaint.title"), {{"id", "complaint-title"}});
  if (form.sent) {
    w->Element("p", ctx.T("complaint.thanks"), {{"class", "notice"}, {"role", "status"}});
    w->Close("section");
    return;
  }
  w->Element("p", ctx.T("complaint.intro"));
  if (!form.form_error.empty()) {
    w->Element("p", form.form_error, {{"class", "error"}, {"role", "alert"}});
  }
  w->Open("form", {{"method", "post"}, {"action", ComplaintPath(ctx, course)}});
  w->Element("input", "", {{"type", "hidden"}, {"name", "token"}, {"value", form.token}});
  HtmlAttributes group = {{"class", "choices"}};
  if (!form.category_error.empty()) group.emplace_back("aria-describedby", "category-error");
  w->Open("fieldset", group).Element("legend", ctx.T("complaint.category"));
  if (!form.category_error.empty()) {
    w->Element("p", form.category_error, {{"class", "error"}, {"id", "category-error"}});
  }
  for (const std::string& c : ComplaintCategories()) {
    HtmlAttributes radio = {
        {"type", "radio"}, {"name", "category"}, {"value", c}, {"id", "category-" + c}};
    if (c == form.category) radio.emplace_back("checked", "checked");
    w->Open("div", {{"class", "choice"}})
        .Element("input", "", radio)
        .Element("label", ctx.T("complaint.category." + c), {{"for", "category-" + c}})
        .Close("div");
  }
  w->Close("fieldset");
  HtmlAttributes text = {
      {"id", "complaint-message"}, {"name", "message"}, {"rows", "5"}, {"maxlength", "2000"}};
  OpenFormField("complaint-message", ctx.T("complaint.message"), ctx.T("complaint.message.hint"),
                form.message_error, &text, w);
  w->Element("textarea", form.message, text).Close("div");
  w->Element("button", ctx.T("complaint.send"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form").Close("section");
}

std::string RenderComplaintPage(const PageContext& ctx, const CourseRecord& record,
                                const ComplaintForm& form) {
  HtmlWriter w;
  const std::string& title = ctx.Text(record.course.title);
  w.Open("p")
      .Element("a", ctx.T("complaint.back"),
               {{"href", ctx.Path("course") + std::to_string(record.course.id)}})
      .Close("p");
  w.Element("h1", title);
  WriteComplaintForm(ctx, record.course.id, form, &w);
  return RenderPage(ctx, ctx.T("complaint.title") + " — " + title, w.Take());
}

}  // namespace verder
