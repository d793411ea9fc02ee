// The home page: one question, one search box, and the two other ways in.
#include "web/pages/pages_internal.h"

namespace verder {

namespace {

// Popular courses, nationally or in the region of a postcode the person gives (used for this
// answer only, stored nowhere).
void WritePopular(const PageContext& ctx, const PopularCourses& p, HtmlWriter* w) {
  w->Open("section", {{"aria-labelledby", "popular-title"}});
  const std::string title =
      p.region.empty()
          ? ctx.T("home.popular.title")
          : ctx.words->Format(ctx.lang, p.by_views ? "home.popular.region" : "home.soon.region",
                              {{"region", p.region}});
  w->Element("h2", title, {{"id", "popular-title"}});
  if (!p.hits.empty()) WriteCourseLinks(ctx, p.hits, 0, w);
  w->Open("form", {{"action", ctx.Path("home")}, {"method", "get"}, {"class", "inline-form"}});
  w->Open("div", {{"class", "field"}});
  w->Element("label", ctx.T("home.popular.postcode"), {{"for", "popular-postcode"}});
  HtmlAttributes input = {{"type", "text"},     {"id", "popular-postcode"},
                          {"name", "postcode"}, {"value", p.postcode},
                          {"class", "short"},   {"inputmode", "numeric"},
                          {"maxlength", "7"},   {"autocomplete", "postal-code"}};
  if (!p.error.empty()) {
    w->Element("p", p.error, {{"class", "error"}, {"id", "popular-error"}});
    input.emplace_back("aria-describedby", "popular-error");
    input.emplace_back("aria-invalid", "true");
  }
  w->Void("input", input);
  w->Close("div");
  w->Element("button", ctx.T("home.popular.button"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form");
  w->Close("section");
}

}  // namespace

std::string RenderHome(const PageContext& ctx, const PopularCourses& popular) {
  HtmlWriter w;
  w.Element("h1", ctx.T("home.title"));
  w.Element("p", ctx.T("home.intro"), {{"class", "lead"}});
  WriteSearchForm(ctx, "", "", &w);
  w.Open("ul", {{"class", "cards"}});
  w.Open("li", {{"class", "card"}});
  w.Open("h2")
      .Element("a", ctx.T("home.funding.title"), {{"href", ctx.Path("funding")}})
      .Close("h2");
  w.Element("p", ctx.T("home.funding.text"));
  w.Close("li");
  w.Open("li", {{"class", "card"}});
  w.Open("h2").Element("a", ctx.T("home.help.title"), {{"href", ctx.Path("help")}}).Close("h2");
  w.Element("p", ctx.T("home.help.text"));
  w.Close("li");
  w.Close("ul");
  WritePopular(ctx, popular, &w);
  w.Element("p", ctx.T("home.quality.note"), {{"class", "hint"}});
  return RenderPage(ctx, ctx.T("home.title"), w.Take(), true);
}

void WriteSearchForm(const PageContext& ctx, const std::string& query, const std::string& postcode,
                     HtmlWriter* w) {
  w->Open("form", {{"class", "search-form"},
                   {"action", ctx.Path("search")},
                   {"method", "get"},
                   {"role", "search"}});
  w->Open("div", {{"class", "field"}});
  w->Element("label", ctx.T("home.search.label"), {{"for", "q"}});
  w->Element("p", ctx.T("home.search.hint"), {{"class", "hint"}, {"id", "q-hint"}});
  w->Void("input", {{"type", "search"},
                    {"id", "q"},
                    {"name", "q"},
                    {"value", query},
                    {"aria-describedby", "q-hint"},
                    {"autocomplete", "off"},
                    {"data-suggest", "1"},
                    {"maxlength", "200"}});
  w->Close("div");
  w->Open("div", {{"class", "field"}});
  w->Element("label", ctx.T("home.postcode.label"), {{"for", "near"}});
  w->Element("p", ctx.T("home.postcode.hint"), {{"class", "hint"}, {"id", "near-hint"}});
  w->Void("input", {{"type", "text"},
                    {"id", "near"},
                    {"name", "near"},
                    {"value", postcode},
                    {"class", "short"},
                    {"inputmode", "numeric"},
                    {"pattern", "[0-9]{4}"},
                    {"maxlength", "4"},
                    {"aria-describedby", "near-hint"},
                    {"autocomplete", "postal-code"}});
  w->Close("div");
  w->Element("button", ctx.T("home.search.button"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form");
}

}  // namespace verder
