// The results page: the search form with every filter as ordinary checkboxes in one GET form
// (works without JavaScript, every state is a shareable URL), the results, sorting and paging.
#include <algorithm>
#include <cmath>

#include "web/pages/pages_internal.h"
#include "web/search_params.h"

namespace verder {
namespace {

std::string QueryString(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params)
    out += (out.empty() ? "?" : "&") + UrlEncode(key) + "=" + UrlEncode(value);
  return out;
}

// Whether the search's parameters (SearchParamsOf) choose `value` for `field`.
bool Selected(const QueryParams& params, const std::string& field, const std::string& value) {
  for (const auto& [key, v] : params) {
    if (key != field) continue;
    size_t start = 0;
    while (start <= v.size()) {
      size_t end = v.find(',', start);
      if (end == std::string::npos) end = v.size();
      if (v.substr(start, end - start) == value) return true;
      start = end + 1;
    }
  }
  return false;
}

void WriteFacet(const PageContext& ctx, const QueryParams& params, const Facet& facet,
                HtmlWriter* w) {
  if (facet.field == "price" || facet.values.empty()) return;
  w->Open("fieldset").Element("legend", ctx.T("facet." + facet.field));
  // Sixty values on a page: the id, the translation key and the count are built in buffers kept
  // across values, and the attributes are views, so a value costs no allocation.
  std::string id;
  std::string key;
  std::string count;
  for (const FacetValue& v : facet.values) {
    id.assign("f-").append(facet.field).append("-").append(v.value);
    key.assign(facet.field).append(".").append(v.value);
    const std::string& label = facet.field == "region" ? v.label : ctx.T(key);
    w->Open("div", {{"class", "option"}});
    if (Selected(params, facet.field, v.value)) {
      w->Void("input", {{"type", "checkbox"},
                        {"id", id},
                        {"name", facet.field},
                        {"value", v.value},
                        {"checked", "checked"}});
    } else {
      w->Void("input",
              {{"type", "checkbox"}, {"id", id}, {"name", facet.field}, {"value", v.value}});
    }
    count.assign("(").append(std::to_string(v.count)).append(")");
    w->Open("label", {{"for", id}})
        .Text(label)
        .Text(" ")
        .Element("span", count, {{"class", "count"}})
        .Close("label");
    w->Close("div");
  }
  w->Close("fieldset");
}

void WriteHit(const PageContext& ctx, const SearchHit& h, const ResultsFunding& f, HtmlWriter* w) {
  w->Open("li", {{"class", "result"}});
  std::string href = ctx.Path("course") + std::to_string(h.id);
  if (!f.answers_query.empty()) href += "?" + f.answers_query.substr(1);
  w->Open("h3").Element("a", h.title, {{"href", href}});
  if (h.is_demo) w->Text(" ").Element("span", ctx.T("result.demo"), {{"class", "badge"}});
  w->Close("h3");
  w->Open("dl");
  w->Element("dt", ctx.T("result.provider")).Element("dd", h.provider);
  if (!h.place.empty()) {
    std::string place = h.place;
    if (h.distance_km)
      place += " (" +
               ctx.words->Format(ctx.lang, "result.distance",
                                 {{"km", std::to_string(std::lround(*h.distance_km))}}) +
               ")";
    w->Element("dt", ctx.T("result.place")).Element("dd", place);
  }
  w->Element("dt", ctx.T("result.start"))
      .Element("dd", h.next_start ? HumanDate(ctx, *h.next_start) : ctx.T("result.start_unknown"));
  w->Element("dt", ctx.T("result.price"))
      .Element("dd", !h.price_cents        ? ctx.T("result.price_unknown")
                     : *h.price_cents == 0 ? ctx.T("result.price_free")
                                           : HumanEuros(ctx, *h.price_cents));
  if (const auto net = f.net_cost.find(h.id); net != f.net_cost.end()) {
    w->Element("dt", ctx.T("pay.net_cost"))
        .Element("dd", net->second ? HumanEuros(ctx, *net->second) : ctx.T("result.price_unknown"),
                 {{"class", "net-cost"}});
  }
  w->Element("dt", ctx.T("result.level"))
      .Element("dd", ctx.T(std::string("level.") + LevelName(h.level)));
  w->Element("dt", ctx.T("result.mode"))
      .Element("dd", ctx.T(std::string("mode.") + DeliveryModeName(h.mode)));
  w->Close("dl");
  // Belongs to the compare form after the search form (forms cannot nest; `form` links them).
  const std::string box = "cmp-" + std::to_string(h.id);
  w->Open("div", {{"class", "option"}});
  w->Void("input", {{"type", "checkbox"},
                    {"id", box},
                    {"name", "id"},
                    {"value", std::to_string(h.id)},
                    {"form", "compare"}});
  w->Open("label", {{"for", box}})
      .Text(ctx.T("compare.choose"))
      .Element("span", " " + h.title, {{"class", "visually-hidden"}})
      .Close("label");
  w->Close("div").Close("li");
}

}  // namespace

std::string RenderResults(const PageContext& ctx, const SearchQuery& q, const SearchResult& r,
                          const ResultsFunding& f) {
  HtmlWriter w;
  w.Reserve(32 * 1024);  // a results page with its filters is 10–20 KB
  // Both forms (search, compare) carry the funding answers on, as hidden fields.
  const auto write_answers = [&] {
    if (f.answers == nullptr) return;
    for (const auto& [key, value] : f.answers->raw)
      w.Void("input", {{"type", "hidden"}, {"name", key}, {"value", value}});
  };
  // Every link keeps the person's funding answers, so the "costs you" column stays.
  const auto link = [&](const SearchQuery& state) {
    const std::string query = QueryString(SearchParamsOf(state));
    if (query.empty() && !f.answers_query.empty())
      return ctx.Path("search") + "?" + f.answers_query.substr(1);
    return ctx.Path("search") + query + f.answers_query;
  };
  const std::string title =
      q.text.empty() ? ctx.T("results.title")
                     : ctx.words->Format(ctx.lang, "results.title_for", {{"query", q.text}});
  w.Element("h1", title);
  w.Open("form", {{"action", ctx.Path("search")}, {"method", "get"}, {"role", "search"}});
  w.Open("div", {{"class", "search-form"}});
  w.Open("div", {{"class", "field"}});
  w.Element("label", ctx.T("home.search.label"), {{"for", "q"}});
  w.Void("input", {{"type", "search"},
                   {"id", "q"},
                   {"name", "q"},
                   {"value", q.text},
                   {"autocomplete", "off"},
                   {"data-suggest", "1"},
                   {"maxlength", "200"}});
  w.Close("div");
  w.Element("button", ctx.T("home.search.button"), {{"class", "button"}, {"type", "submit"}});
  w.Close("div");
  write_answers();
  w.Open("div", {{"class", "results-layout"}});

  w.Open("div", {{"class", "results"}});
  w.Open("p", {{"role", "status"}})
      .Text(r.total == 1 ? ctx.T("results.count_one")
                         : ctx.words->Format(ctx.lang, "results.count",
                                             {{"count", std::to_string(r.total)}}))
      .Close("p");
  if (r.total == 0) {
    w.Element("p", ctx.T("results.none"));
    if (!r.suggestion.empty()) {
      SearchQuery fixed = q;
      fixed.text = r.suggestion;
      w.Open("p")
          .Text(ctx.T("results.did_you_mean") + " ")
          .Element("a", r.suggestion, {{"href", link(fixed)}})
          .Close("p");
    }
    w.Element("p", ctx.T("results.none_tip"));
  }
  w.Open("ol", {{"class", "result-list"}});
  for (const SearchHit& h : r.hits) WriteHit(ctx, h, f, &w);
  w.Close("ol");
  if (!r.hits.empty()) {
    w.Element("button", ctx.T("compare.button"),
              {{"class", "button secondary"}, {"type", "submit"}, {"form", "compare"}});
  }
  const int64_t pages = (r.total + q.per_page - 1) / q.per_page;
  if (pages > 1) {
    w.Open("nav", {{"class", "pager"}, {"aria-label", ctx.T("results.pages")}});
    if (q.page > 1) {
      SearchQuery prev = q;
      prev.page = q.page - 1;
      w.Element("a", ctx.T("results.previous"), {{"href", link(prev)}, {"rel", "prev"}});
    }
    w.Element("span",
              ctx.words->Format(
                  ctx.lang, "results.page",
                  {{"page", std::to_string(q.page)},
                   {"pages", std::to_string(std::min<int64_t>(pages, 10000 / q.per_page))}}));
    if (q.page < pages && static_cast<int64_t>(q.page + 1) * q.per_page <= 10000) {
      SearchQuery next = q;
      next.page = q.page + 1;
      w.Element("a", ctx.T("results.next"), {{"href", link(next)}, {"rel", "next"}});
    }
    w.Close("nav");
  }
  w.Close("div");  // results
  w.Open("div", {{"class", "filters"}}).Element("h2", ctx.T("results.filters"));
  w.Open("fieldset").Element("legend", ctx.T("results.near"));
  w.Open("div", {{"class", "field"}})
      .Element("label", ctx.T("home.postcode.label"), {{"for", "near"}});
  w.Void("input", {{"type", "text"},
                   {"id", "near"},
                   {"name", "near"},
                   {"value", q.near_pc4},
                   {"class", "short"},
                   {"inputmode", "numeric"},
                   {"maxlength", "4"},
                   {"autocomplete", "postal-code"}});
  w.Close("div");
  w.Open("div", {{"class", "field"}})
      .Element("label", ctx.T("results.radius"), {{"for", "radius_km"}});
  w.Open("select", {{"id", "radius_km"}, {"name", "radius_km"}});
  for (const int km : {0, 5, 10, 25, 50, 100}) {
    HtmlAttributes attrs = {{"value", km == 0 ? "" : std::to_string(km)}};
    if (static_cast<int>(q.radius_km) == km) attrs.emplace_back("selected", "selected");
    w.Element("option", km == 0 ? "—" : std::to_string(km) + " km", attrs);
  }
  w.Close("select").Close("div").Close("fieldset");
  const QueryParams params = SearchParamsOf(q);
  for (const Facet& facet : r.facets) WriteFacet(ctx, params, facet, &w);
  w.Open("div", {{"class", "field"}})
      .Element("label", ctx.T("results.price_max"), {{"for", "price_max"}});
  w.Void("input", {{"type", "text"},
                   {"id", "price_max"},
                   {"name", "price_max"},
                   {"class", "short"},
                   {"inputmode", "decimal"},
                   {"value", q.price_max ? std::to_string(*q.price_max / 100) : ""}});
  w.Close("div");
  if (f.answers != nullptr) {
    w.Open("div", {{"class", "field"}})
        .Element("label", ctx.T("pay.net_max"), {{"for", "net_max"}});
    w.Void("input", {{"type", "text"},
                     {"id", "net_max"},
                     {"name", "net_max"},
                     {"class", "short"},
                     {"inputmode", "decimal"},
                     {"value", q.net_cost_max ? std::to_string(*q.net_cost_max / 100) : ""}});
    w.Close("div");
  }
  w.Open("div", {{"class", "field"}}).Element("label", ctx.T("results.sort"), {{"for", "sort"}});
  w.Open("select", {{"id", "sort"}, {"name", "sort"}});
  static constexpr const char* kSorts[] = {"relevance", "price",    "-price",
                                           "start",     "distance", "net"};
  for (size_t i = 0; i < std::size(kSorts); ++i) {
    if (i == 4 && q.near_pc4.empty()) continue;    // distance needs a postcode
    if (i == 5 && f.answers == nullptr) continue;  // net cost needs the funding answers
    HtmlAttributes attrs = {{"value", kSorts[i]}};
    if (static_cast<size_t>(q.sort) == i) attrs.emplace_back("selected", "selected");
    w.Element("option", ctx.T(std::string("results.sort.") + kSorts[i]), attrs);
  }
  w.Close("select").Close("div");
  w.Element("button", ctx.T("results.filters.apply"), {{"class", "button"}, {"type", "submit"}});
  w.Open("p")
      .Element("a", ctx.T("results.filters.clear"),
               {{"href", ctx.Path("search") + QueryString({{"q", q.text}}) + f.answers_query}})
      .Close("p");
  w.Close("div");  // filters
  w.Close("div").Close("form");
  w.Open("form", {{"id", "compare"}, {"action", ctx.Path("compare")}, {"method", "get"}});
  write_answers();
  w.Close("form");
  return RenderPage(ctx, title, w.Take(), true);
}

}  // namespace verder
