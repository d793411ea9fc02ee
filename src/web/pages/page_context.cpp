#include "web/pages/page_context.h"

namespace verder {

std::string PageContext::Path(std::string_view page) const {
  // Dutch paths at the root, English ones under /en/.
  struct Route {
    std::string_view page, nl, en;
  };
  static constexpr Route kRoutes[] = {{"home", "/", "/en/"},
                                      {"search", "/zoeken", "/en/search"},
                                      {"course", "/opleiding/", "/en/course/"},
                                      {"funding", "/betalen", "/en/funding"},
                                      {"help", "/hulp", "/en/help"},
                                      {"compare", "/vergelijken", "/en/compare"},
                                      {"about", "/over", "/en/about"},
                                      {"developers", "/ontwikkelaars", "/en/developers"},
                                      {"privacy", "/privacy", "/en/privacy"},
                                      {"accessibility", "/toegankelijkheid", "/en/accessibility"}};
  for (const Route& r : kRoutes) {
    if (r.page == page) return std::string(lang == Lang::kNl ? r.nl : r.en);
  }
  return lang == Lang::kNl ? "/" : "/en/";
}

std::string RenderPage(const PageContext& ctx, std::string_view title, const std::string& main_html,
                       bool with_suggest_script) {
  HtmlWriter w;
  w.Reserve(main_html.size() + 4096);  // the frame around the page's own part is about 3 KB
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"lang", LangCode(ctx.lang)}});
  w.Open("head");
  w.Void("meta", {{"charset", "utf-8"}});
  w.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Element("title", std::string(title) + " — " + ctx.T("site.name"));
  w.Void("meta", {{"name", "description"}, {"content", ctx.T("site.tagline")}});
  w.Void("link", {{"rel", "stylesheet"}, {"href", "/static/verder.css"}});
  w.Void("link", {{"rel", "alternate"},
                  {"hreflang", ctx.lang == Lang::kNl ? "en" : "nl"},
                  {"href", ctx.other_language_url}});
  w.Close("head");
  w.Open("body");
  w.Element("a", ctx.T("site.skip"), {{"class", "skip-link"}, {"href", "#inhoud"}});
  w.Open("header", {{"class", "site-header"}}).Open("div", {{"class", "wrap"}});
  w.Element("a", ctx.T("site.name"), {{"class", "site-name"}, {"href", ctx.Path("home")}});
  w.Open("nav", {{"class", "site-nav"}, {"aria-label", ctx.T("site.name")}}).Open("ul");
  w.Open("li").Element("a", ctx.T("site.nav.search"), {{"href", ctx.Path("search")}}).Close("li");
  w.Open("li").Element("a", ctx.T("site.nav.funding"), {{"href", ctx.Path("funding")}}).Close("li");
  w.Open("li").Element("a", ctx.T("site.nav.help"), {{"href", ctx.Path("help")}}).Close("li");
  w.Open("li")
      .Element("a", ctx.T("site.language_switch"),
               {{"href", ctx.other_language_url},
                {"lang", ctx.lang == Lang::kNl ? "en" : "nl"},
                {"hreflang", ctx.lang == Lang::kNl ? "en" : "nl"}})
      .Close("li");
  w.Close("ul").Close("nav").Close("div").Close("header");
  w.Open("main", {{"id", "inhoud"}, {"tabindex", "-1"}}).Open("div", {{"class", "wrap"}});
  w.Raw(main_html);
  w.Close("div").Close("main");
  w.Open("footer", {{"class", "site-footer"}}).Open("div", {{"class", "wrap"}}).Open("ul");
  w.Open("li").Element("a", ctx.T("site.footer.about"), {{"href", ctx.Path("about")}}).Close("li");
  w.Open("li")
      .Element("a", ctx.T("site.footer.privacy"), {{"href", ctx.Path("privacy")}})
      .Close("li");
  w.Open("li")
      .Element("a", ctx.T("site.footer.accessibility"), {{"href", ctx.Path("accessibility")}})
      .Close("li");
  w.Open("li")
      .Element("a", ctx.T("site.footer.developers"), {{"href", ctx.Path("developers")}})
      .Close("li");
  w.Close("ul");
  w.Element("p", ctx.T("site.footer.note"));
  w.Close("div").Close("footer");
  if (with_suggest_script)
    w.Open("script", {{"src", "/static/suggest.js"}, {"defer", "defer"}}).Close("script");
  w.Close("body").Close("html");
  return w.Take();
}

HttpResponse HtmlResponse(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace verder
