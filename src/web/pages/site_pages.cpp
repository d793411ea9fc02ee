#include "web/pages/site_pages.h"

#include <algorithm>
#include <unordered_map>

#include "funding/funding_course.h"
#include "search/similar.h"
#include "web/api_support.h"
#include "web/funding_net_cost.h"
#include "web/funding_params.h"
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

PageContext Context(const SiteDeps& deps, Lang lang, const std::string& other_url) {
  return PageContext{lang, deps.words, other_url};
}

// A positive id written in digits only, else nullopt.
std::optional<int64_t> ParseId(std::string_view text) {
  const Result<int64_t> id = ParsePositiveId(std::string(text), "id");
  return id.ok() ? std::optional<int64_t>(id.value()) : std::nullopt;
}

namespace {

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
  const Result<SearchQuery> query =
      ParseSearchParams(params, *deps.geo, deps.clock->Today(), FundingParamNames());
  if (!query.ok()) {
    const std::string detail = query.error().field + ": " + query.error().message;
    return HtmlResponse(400, RenderError(ctx, 400, detail));
  }
  const FundingAnswers answers = ParseFundingParams(r.query);
  SearchQuery search = query.value();
  // With the person's answers the engine computes the net cost of every match: for the column,
  // and for "costs me at most" and sorting on it.
  std::optional<FundingNetCost> model;
  const std::shared_ptr<const funding::FundingEngine> engine = deps.funding->Current();
  if (const Status s = UseNetCost(answers, *engine, deps.clock->Today(), &model, &search);
      !s.ok()) {
    return HtmlResponse(400, RenderError(ctx, 400, s.error().field + ": " + s.error().message));
  }
  const SearchResult result = deps.index->Search(search);
  ResultsFunding costs;
  if (answers.given) {
    costs.answers = &answers;
    costs.answers_query = FundingQueryString(answers);
    for (const SearchHit& h : result.hits) costs.net_cost[h.id] = h.net_cost_cents;
  }
  return HtmlResponse(200, RenderResults(ctx, search, result, costs));
}

std::string_view Param(const HttpRequest& r, std::string_view name) {
  const std::string* value = r.Query(name);
  return value == nullptr ? std::string_view() : std::string_view(*value);
}

// The four digits of a Dutch postcode ("3511", "3511 AB", "3511ab"), else nullopt.
std::optional<std::string> Pc4Of(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.size() < 4 || text[0] == '0') return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  std::string_view rest = text.substr(4);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!(rest.empty() || (rest.size() == 2 && letter(rest[0]) && letter(rest[1]))))
    return std::nullopt;
  return std::string(text.substr(0, 4));
}

// Search hits for `ids`, in the order of `ids` (the engine has the titles, places and prices).
std::vector<SearchHit> HitsFor(const SiteDeps& deps, const std::vector<CourseId>& ids, Date today,
                               const std::vector<int>& regions = {}) {
  if (ids.empty()) return {};
  SearchQuery q;
  q.today = today;
  q.only_ids = ids;
  q.regions = regions;
  q.per_page = static_cast<int>(std::min<size_t>(ids.size(), 100));
  std::vector<SearchHit> hits = deps.index->Search(q).hits;
  std::unordered_map<CourseId, size_t> rank;
  for (size_t i = 0; i < ids.size(); ++i) rank.emplace(ids[i], i);
  std::sort(hits.begin(), hits.end(),
            [&rank](const SearchHit& a, const SearchHit& b) { return rank[a.id] < rank[b.id]; });
  return hits;
}

// The postcode's municipality and region, or an error for people.
struct Place {
  const Municipality* municipality = nullptr;
  const LabourMarketRegion* region = nullptr;
  std::string error;
};

Place PlaceOf(const SiteDeps& deps, const PageContext& ctx, std::string_view postcode) {
  Place place;
  const std::optional<std::string> pc4 = Pc4Of(postcode);
  if (!pc4) {
    place.error = ctx.T("help.postcode.invalid");
    return place;
  }
  const Postcode4* pc = deps.geo->FindPostcode(*pc4);
  place.municipality = pc == nullptr ? nullptr : deps.geo->FindMunicipality(pc->municipality_code);
  place.region =
      place.municipality == nullptr ? nullptr : deps.geo->FindRegion(place.municipality->region_id);
  if (place.region == nullptr) {
    place.municipality = nullptr;
    place.error = ctx.words->Format(ctx.lang, "help.postcode.unknown", {{"postcode", *pc4}});
  }
  return place;
}

constexpr size_t kPopularShown = 5;

HttpResponse Home(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx = Context(deps, lang, WithQuery(lang == Lang::kNl ? "/en/" : "/", r));
  const Date today = deps.clock->Today();
  PopularCourses popular;
  popular.postcode = std::string(Param(r, "postcode"));
  // Only courses enough people opened count as popular (minimum group size).
  const std::vector<CourseId> viewed = deps.views->MostViewed(2000, ViewStats::kMinGroup);
  std::vector<int> regions;
  if (!popular.postcode.empty()) {
    const Place place = PlaceOf(deps, ctx, popular.postcode);
    popular.error = place.error;
    if (place.region != nullptr) {
      popular.region = place.region->name;
      regions.push_back(place.region->id);
    }
  }
  popular.hits = HitsFor(deps, viewed, today, regions);
  popular.by_views = !popular.hits.empty();
  if (popular.hits.empty() && !regions.empty()) {
    // Too few views in this region yet: say honestly that these start soon, not that they are
    // popular.
    SearchQuery soon;
    soon.today = today;
    soon.regions = regions;
    soon.start_from = today;
    soon.sort = SortOrder::kStartDate;
    soon.per_page = static_cast<int>(kPopularShown);
    popular.hits = deps.index->Search(soon).hits;
  }
  if (popular.hits.size() > kPopularShown) popular.hits.resize(kPopularShown);
  return HtmlResponse(popular.error.empty() ? 200 : 400, RenderHome(ctx, popular));
}

HttpResponse Compare(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, WithQuery(lang == Lang::kNl ? "/en/compare" : "/vergelijken", r));
  std::vector<CourseId> ids;
  bool too_many = false;
  for (const auto& [key, value] : r.query) {
    if (key != "id") continue;
    const std::optional<int64_t> id = ParseId(value);
    if (!id) return HtmlResponse(400, RenderError(ctx, 400, "id: " + ctx.T("compare.bad_id")));
    if (std::find(ids.begin(), ids.end(), *id) != ids.end()) continue;
    if (ids.size() == 4) {
      too_many = true;
      continue;
    }
    ids.push_back(*id);
  }
  std::vector<CourseRecord> courses;
  std::vector<CourseId> found;
  for (CourseId id : ids) {
    Result<CourseRecord> record = deps.store->GetCourse(id);
    if (!record.ok()) {
      if (record.error().code == ErrorCode::kNotFound) continue;  // withdrawn since: leave it out
      return HtmlResponse(500, RenderError(ctx, 500, ""));
    }
    if (!record.value().is_public()) continue;
    found.push_back(id);
    courses.push_back(std::move(record).value());
  }
  for (size_t i = 0; i < found.size(); ++i) {
    for (size_t j = i + 1; j < found.size(); ++j) deps.views->RecordTogether(found[i], found[j]);
  }
  const Date today = deps.clock->Today();
  CompareFunding costs;
  const FundingAnswers answers = ParseFundingParams(r.query);
  if (answers.given) {
    costs.answers_query = FundingQueryString(answers);
    const std::shared_ptr<const funding::FundingEngine> engine = deps.funding->Current();
    for (const CourseRecord& c : courses) {
      costs.net_costs.push_back(
          engine
              ->NetCost(answers.person, funding::FundingCourseOnDay(c.course, c.offerings, today),
                        today)
              .net_cost_cents);
    }
  }
  return HtmlResponse(200, RenderCompare(ctx, courses, found, too_many, costs, today));
}

HttpResponse Help(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, WithQuery(lang == Lang::kNl ? "/en/help" : "/hulp", r));
  HelpAnswer answer;
  answer.postcode = std::string(Param(r, "postcode"));
  const std::string_view region_text = Param(r, "regio");
  if (!answer.postcode.empty()) {
    const Place place = PlaceOf(deps, ctx, answer.postcode);
    answer.error = place.error;
    answer.municipality = place.municipality;
    answer.region = place.region;
  } else if (!region_text.empty()) {
    const std::optional<int64_t> id = ParseId(region_text);
    answer.region = id && *id < 100 ? deps.geo->FindRegion(static_cast<int>(*id)) : nullptr;
    if (answer.region == nullptr) answer.error = ctx.T("help.region.unknown");
  }
  if (answer.region != nullptr) answer.desk = deps.desks->ForRegion(answer.region->id);
  return HtmlResponse(answer.error.empty() ? 200 : 400,
                      RenderHelp(ctx, answer, *deps.geo, *deps.desks));
}

HttpResponse FundingQuestions(const SiteDeps& deps, Lang lang, const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, WithQuery(lang == Lang::kNl ? "/en/funding" : "/betalen", r));
  FundingPage page;
  page.answers = ParseFundingParams(r.query);
  page.errors = page.answers.errors;
  if (const std::optional<int64_t> course = ParseId(Param(r, "course"))) page.course = *course;
  const std::shared_ptr<const funding::FundingEngine> engine = deps.funding->Current();
  if (page.answers.given) {
    // The form that saves the answers stands under the results only.
    if (deps.form_tokens != nullptr) {
      page.save_token = deps.form_tokens->Issue(kSaveAnswersPurpose, deps.clock->NowUnixSeconds());
    }
    page.check = engine->CheckPerson(page.answers.person, deps.clock->Today());
    page.errors.insert(page.errors.end(), page.check->errors.begin(), page.check->errors.end());
  }
  return HtmlResponse(200, RenderFunding(ctx, *engine, page));
}

HttpResponse CoursePage(const SiteDeps& deps, Lang lang, const std::string& id_text,
                        const HttpRequest& r) {
  const PageContext ctx =
      Context(deps, lang, (lang == Lang::kNl ? "/en/course/" : "/opleiding/") + id_text);
  const std::optional<int64_t> parsed = ParseId(id_text);
  if (!parsed) return HtmlResponse(404, RenderError(ctx, 404, ""));
  const CourseId id = *parsed;
  const Result<CourseRecord> record = deps.store->GetCourse(id);
  if (!record.ok()) {
    return HtmlResponse(
        record.error().code == ErrorCode::kNotFound ? 404 : 500,
        RenderError(ctx, record.error().code == ErrorCode::kNotFound ? 404 : 500, ""));
  }
  if (!record.value().is_public()) return HtmlResponse(404, RenderError(ctx, 404, ""));
  const Date today = deps.clock->Today();
  deps.views->RecordView(id);
  // "via": the person came here from another course's page (a link we wrote), so the two were
  // seen together. Counted only as a pair total, never with who or when.
  if (const std::optional<int64_t> via = ParseId(Param(r, "via")))
    deps.views->RecordTogether(*via, id);
  RelatedCourses related;
  related.similar = SimilarCourses(*deps.index, record.value().course, today, 4);
  related.also_viewed = HitsFor(deps, deps.views->AlsoViewed(id, 4), today);
  const FundingAnswers answers = ParseFundingParams(r.query);
  const std::shared_ptr<const funding::FundingEngine> engine = deps.funding->Current();
  CourseFunding costs{engine.get(), &answers, std::nullopt};
  if (answers.given) {
    costs.cost = engine->NetCost(
        answers.person,
        funding::FundingCourseOnDay(record.value().course, record.value().offerings, today), today);
  }
  // The history is part of the page, not a must: without it the page still says when.
  Result<std::vector<Change>> history = deps.store->History(EntityKind::kCourse, id);
  const std::string token =
      deps.form_tokens != nullptr
          ? deps.form_tokens->Issue("complaint:" + std::to_string(id), deps.clock->NowUnixSeconds())
          : "";
  return HtmlResponse(
      200, RenderCourse(ctx, record.value(), history.ok() ? history.value() : std::vector<Change>{},
                        related, costs, today, token));
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
  // Every page exists in Dutch (at the root) and English (under /en/).
  using PageHandler = HttpResponse (*)(const SiteDeps&, Lang, const HttpRequest&);
  struct Bilingual {
    const char* nl;
    const char* en;
    PageHandler handler;
  };
  static constexpr Bilingual kPages[] = {{"/", "/en/", Home},
                                         {"/zoeken", "/en/search", Results},
                                         {"/vergelijken", "/en/compare", Compare},
                                         {"/hulp", "/en/help", Help},
                                         {"/betalen", "/en/funding", FundingQuestions}};
  for (const Bilingual& page : kPages) {
    router->Add("GET", page.nl, [deps, page](const HttpRequest& r, const PathParams&) {
      return page.handler(deps, Lang::kNl, r);
    });
    router->Add("GET", page.en, [deps, page](const HttpRequest& r, const PathParams&) {
      return page.handler(deps, Lang::kEn, r);
    });
  }
  router->Add("GET", "/en",
              [deps](const HttpRequest& r, const PathParams&) { return Home(deps, Lang::kEn, r); });
  router->Add("GET", "/opleiding/{id}", [deps](const HttpRequest& r, const PathParams& p) {
    return CoursePage(deps, Lang::kNl, p.at("id"), r);
  });
  router->Add("GET", "/en/course/{id}", [deps](const HttpRequest& r, const PathParams& p) {
    return CoursePage(deps, Lang::kEn, p.at("id"), r);
  });
  struct Static {
    const char* nl;
    const char* en;
    const char* name;
    int paragraphs;
  };
  static constexpr Static kStatic[] = {
      {"/over", "/en/about", "about", 4},
      {"/privacy", "/en/privacy", "privacy", 5},
      {"/toegankelijkheid", "/en/accessibility", "accessibility", 4}};
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
  if (deps.openapi != nullptr) {
    router->Add("GET", "/ontwikkelaars", [deps](const HttpRequest&, const PathParams&) {
      return HtmlResponse(200,
                          RenderApiDocs(Context(deps, Lang::kNl, "/en/developers"), *deps.openapi));
    });
    router->Add("GET", "/en/developers", [deps](const HttpRequest&, const PathParams&) {
      return HtmlResponse(200,
                          RenderApiDocs(Context(deps, Lang::kEn, "/ontwikkelaars"), *deps.openapi));
    });
  }
  AddComplaintPages(deps, router);
  AddSavedAnswersPages(deps, router);
  router->Add("GET", "/static/{file}", [](const HttpRequest& r, const PathParams& p) {
    return StaticFile(p.at("file"), r);
  });
}

}  // namespace verder
