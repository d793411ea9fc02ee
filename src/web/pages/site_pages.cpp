#include "web/pages/site_pages.h"

#include <charconv>

#include "web/pages/pages_internal.h"
#include "web/search_params.h"
#include "web/static_files.h"

namespace verder {

std::string HumanDate(const PageContext& ctx, Date date) {
  static constexpr const char* kNl[] = {"januari",   "februari", "maart",    "april",
                                        "mei",       "juni",     "juli",     "augustus",
                                        "september", "oktober",  "november", "december"};
  static constexpr const char* kEn[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  const auto month = static_cast<size_t>(date.month() - 1);
  return std::to_string(date.day()) + " " + (ctx.lang == Lang::kNl ? kNl : kEn)[month] + " " +
         std::to_string(date.year());
}

std::string HumanEuros(const PageContext& ctx, Cents cents) {
  if (ctx.lang == Lang::kNl) return "€ " + FormatEuros(cents);
  std::string dutch = FormatEuros(cents);  // swap the separators: 1.250,50 → 1,250.50
  for (char& ch : dutch) ch = ch == '.' ? ',' : ch == ',' ? '.' : ch;
  return "€" + dutch;
}

std::string RenderError(const PageContext& ctx, int status, const std::string& detail) {
  HtmlWriter w;
  const std::string key = status == 404 ? "error.404" : status == 400 ? "error.400" : "error.500";
  w.Element("h1", ctx.T(key + ".title"));
  if (!detail.empty()) w.Element("p", detail);
  if (status != 400) w.Element("p", ctx.T(status == 404 ? "error.404.text" : "error.500.text"));
  WriteSearchForm(ctx, "", "", &w);
  w.Open("p").Element("a", ctx.T("error.home"), {{"href", ctx.Path("home")}}).Close("p");
  return RenderPage(ctx, ctx.T(key + ".title"), w.Take());
}

HttpResponse NotFoundPage(const Translations& words, const std::string& path) {
  PageContext ctx{path.rfind("/en/", 0) == 0 ? Lang::kEn : Lang::kNl, &words,
                  path.rfind("/en/", 0) == 0 ? "/" : "/en/"};
  return HtmlResponse(404, RenderError(ctx, 404, ""));
}

namespace {

PageContext Context(const SiteDeps& deps, Lang lang, const std::string& other_url) {
  return PageContext{lang, deps.words, other_url};
}

std::string WithQuery(const std::string& path, const HttpRequest& r) {
  const size_t q = r.target.find('?');
  return q == std::string::npos ? path : path + r.target.substr(q);
}

HttpResponse Results(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, WithQuery(lang == Lang::kNl ? "/en/search" : "/zoeken", r));
  // Empty fields from the form ("near=" or "radius_km=") mean "not given".
  QueryParams params;
  for (const auto& [k, v] : r.query) {
    if (!v.empty()) params.emplace_back(k, v);
  }
  const Result<SearchQuery> query = ParseSearchParams(params, *deps.geo, deps.clock->Today());
  if (!query.ok()) {
    const std::string detail = query.error().field + ": " + query.error().message;
    return HtmlResponse(400, RenderError(ctx, 400, detail));
  }
  const SearchResult result = deps.index->Search(query.value());
  return HtmlResponse(200, RenderResults(ctx, query.value(), result));
}

HttpResponse CoursePage(const SiteDeps& deps, Lang lang, const std::string& id_text) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  const PageContext ctx =
      Context(deps, lang, (lang == Lang::kNl ? "/en/course/" : "/opleiding/") + id_text);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0)
    return HtmlResponse(404, RenderError(ctx, 404, ""));
  const Result<CourseRecord> record = deps.store->GetCourse(id);
  if (!record.ok()) {
    return HtmlResponse(
        record.error().code == ErrorCode::kNotFound ? 404 : 500,
        RenderError(ctx, record.error().code == ErrorCode::kNotFound ? 404 : 500, ""));
  }
  if (record.value().course.status != CourseStatus::kActive)
    return HtmlResponse(404, RenderError(ctx, 404, ""));
  return HtmlResponse(200, RenderCourse(ctx, record.value(), deps.clock->Today()));
}

// A page of plain paragraphs from the translations: "page.<name>.title", ".p1" ... ".p<n>".
std::string TextPage(const PageContext& ctx, const std::string& name, int paragraphs) {
  HtmlWriter w;
  w.Element("h1", ctx.T("page." + name + ".title"));
  for (int i = 1; i <= paragraphs; ++i)
    w.Element("p", ctx.T("page." + name + ".p" + std::to_string(i)));
  return RenderPage(ctx, ctx.T("page." + name + ".title"), w.Take());
}

}  // namespace

void AddSitePages(const SiteDeps& deps, Router* router) {
  router->Add("GET", "/", [deps](const HttpRequest&, const PathParams&) {
    return HtmlResponse(200, RenderHome(Context(deps, Lang::kNl, "/en/")));
  });
  router->Add("GET", "/en/", [deps](const HttpRequest&, const PathParams&) {
    return HtmlResponse(200, RenderHome(Context(deps, Lang::kEn, "/")));
  });
  router->Add("GET", "/en", [deps](const HttpRequest&, const PathParams&) {
    return HtmlResponse(200, RenderHome(Context(deps, Lang::kEn, "/")));
  });
  router->Add("GET", "/zoeken", [deps](const HttpRequest& r, const PathParams&) {
    return Results(deps, Lang::kNl, r);
  });
  router->Add("GET", "/en/search", [deps](const HttpRequest& r, const PathParams&) {
    return Results(deps, Lang::kEn, r);
  });
  router->Add("GET", "/opleiding/{id}", [deps](const HttpRequest&, const PathParams& p) {
    return CoursePage(deps, Lang::kNl, p.at("id"));
  });
  router->Add("GET", "/en/course/{id}", [deps](const HttpRequest&, const PathParams& p) {
    return CoursePage(deps, Lang::kEn, p.at("id"));
  });
  struct Static {
    const char* nl;
    const char* en;
    const char* name;
    int paragraphs;
  };
  // Funding and regional help have their own issues; until they land their pages say so plainly.
  static constexpr Static kStatic[] = {
      {"/over", "/en/about", "about", 4},
      {"/privacy", "/en/privacy", "privacy", 4},
      {"/toegankelijkheid", "/en/accessibility", "accessibility", 4},
      {"/betalen", "/en/funding", "soon", 1},
      {"/hulp", "/en/help", "soon", 1}};
  for (const Static& page : kStatic) {
    router->Add("GET", page.nl, [deps, page](const HttpRequest&, const PathParams&) {
      return HtmlResponse(200,
                          TextPage(Context(deps, Lang::kNl, page.en), page.name, page.paragraphs));
    });
    router->Add("GET", page.en, [deps, page](const HttpRequest&, const PathParams&) {
      return HtmlResponse(200,
                          TextPage(Context(deps, Lang::kEn, page.nl), page.name, page.paragraphs));
    });
  }
  router->Add("GET", "/static/{file}", [](const HttpRequest& r, const PathParams& p) {
    return StaticFile(p.at("file"), r);
  });
}

}  // namespace verder
