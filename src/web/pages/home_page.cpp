// The home page: one question, one search box, and the two other ways in.
#include "web/pages/pages_internal.h"

namespace verder {

std::string RenderHome(const PageContext& ctx) {
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
