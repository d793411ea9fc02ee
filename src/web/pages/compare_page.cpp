// The compare page: up to four courses side by side. The choice lives in the URL
// (?id=1&id=2), so it needs no account and can be shared; each column can be removed.
#include <set>

#include "web/pages/pages_internal.h"

namespace verder {
namespace {

std::string CompareUrl(const PageContext& ctx, const std::vector<CourseId>& ids,
                       const std::string& answers_query) {
  std::string query;
  for (const CourseId id : ids) query += "&id=" + std::to_string(id);
  query += answers_query;
  return ctx.Path("compare") + (query.empty() ? "" : "?" + query.substr(1));
}

std::vector<const Offering*> OpenOfferings(const CourseRecord& r, Date today) {
  std::vector<const Offering*> open;
  for (const Offering& o : r.offerings) {
    if (o.status == OfferingStatus::kOpen && (!o.end || *o.end >= today)) open.push_back(&o);
  }
  return open;
}

std::string NextStart(const PageContext& ctx, const CourseRecord& r, Date today) {
  const std::optional<Date> next = NextStartOf(r.offerings, today);
  return next ? HumanDate(ctx, *next) : ctx.T("result.start_unknown");
}

std::string Places(const PageContext& ctx, const CourseRecord& r, Date today) {
  std::set<std::string> places;
  for (const Offering* o : OpenOfferings(r, today))
    places.insert(o->location.place.empty() ? ctx.T("mode.online") : o->location.place);
  std::string out;
  size_t shown = 0;
  for (const std::string& p : places) {
    if (shown++ == 3) {
      out += ", …";
      break;
    }
    out += (out.empty() ? "" : ", ") + p;
  }
  return out.empty() ? "—" : out;
}

std::string Price(const PageContext& ctx, const Course& c) {
  if (!c.costs.stated) return ctx.T("result.price_unknown");
  return c.costs.Total() == 0 ? ctx.T("result.price_free") : HumanEuros(ctx, c.costs.Total());
}

std::string Marks(const CourseRecord& r) {
  std::string out;
  for (const auto* marks : {&r.course.quality_marks, &r.provider.quality_marks}) {
    for (const std::string& m : *marks) out += (out.empty() ? "" : ", ") + m;
  }
  return out.empty() ? "—" : out;
}

}  // namespace

std::string RenderCompare(const PageContext& ctx, const std::vector<CourseRecord>& courses,
                          const std::vector<CourseId>& ids, bool too_many,
                          const CompareFunding& funding, Date today) {
  HtmlWriter w;
  w.Element("h1", ctx.T("compare.title"));
  if (too_many) w.Element("p", ctx.T("compare.too_many"), {{"class", "notice"}});
  if (courses.empty()) {
    w.Element("p", ctx.T("compare.empty"));
    w.Open("p").Element("a", ctx.T("error.search"), {{"href", ctx.Path("search")}}).Close("p");
    return RenderPage(ctx, ctx.T("compare.title"), w.Take());
  }
  if (courses.size() < 4) w.Element("p", ctx.T("compare.add_more"), {{"class", "hint"}});
  w.Open("div", {{"class", "table-scroll"},
                 {"tabindex", "0"},
                 {"role", "region"},
                 {"aria-label", ctx.T("compare.title")}});
  w.Open("table", {{"class", "compare"}});
  w.Open("thead").Open("tr").Element("td", "");
  for (const CourseRecord& r : courses) {
    w.Open("th", {{"scope", "col"}});
    std::string href = ctx.Path("course") + std::to_string(r.course.id);
    if (!funding.answers_query.empty()) href += "?" + funding.answers_query.substr(1);
    w.Element("a", ctx.Text(r.course.title), {{"href", href}});
    if (r.course.is_demo) w.Text(" ").Element("span", ctx.T("result.demo"), {{"class", "badge"}});
    std::vector<CourseId> without;
    for (CourseId id : ids) {
      if (id != r.course.id) without.push_back(id);
    }
    w.Open("div").Element("a", ctx.T("compare.remove"),
                          {{"href", CompareUrl(ctx, without, funding.answers_query)}});
    w.Element("span", " " + ctx.Text(r.course.title), {{"class", "visually-hidden"}});
    w.Close("div").Close("th");
  }
  w.Close("tr").Close("thead").Open("tbody");
  using Row =
      std::pair<const char*, std::string (*)(const PageContext&, const CourseRecord&, Date)>;
  static const Row kRows[] = {
      {"course.provider",
       [](const PageContext&, const CourseRecord& r, Date) { return r.provider.name; }},
      {"result.level", [](const PageContext& c, const CourseRecord& r,
                          Date) { return c.T(std::string("level.") + LevelName(r.course.level)); }},
      {"result.mode",
       [](const PageContext& c, const CourseRecord& r, Date) {
         return c.T(std::string("mode.") + DeliveryModeName(r.course.mode));
       }},
      {"course.language", [](const PageContext& c, const CourseRecord& r,
                             Date) { return c.T("lang." + r.course.language); }},
      {"result.place", Places},
      {"result.start", NextStart},
      {"course.duration",
       [](const PageContext& c, const CourseRecord& r, Date) {
         return r.course.duration_weeks > 0
                    ? c.words->Format(c.lang, "course.duration_weeks",
                                      {{"weeks", std::to_string(r.course.duration_weeks)}})
                    : std::string("—");
       }},
      {"course.study_load",
       [](const PageContext& c, const CourseRecord& r, Date) {
         return r.course.study_load_hours > 0
                    ? c.words->Format(c.lang, "course.study_load_hours",
                                      {{"hours", std::to_string(r.course.study_load_hours)}})
                    : std::string("—");
       }},
      {"result.price",
       [](const PageContext& c, const CourseRecord& r, Date) { return Price(c, r.course); }},
      {"course.credential",
       [](const PageContext& c, const CourseRecord& r, Date) {
         return c.T(std::string("credential.") + CredentialName(r.course.credential));
       }},
      {"course.quality", [](const PageContext&, const CourseRecord& r, Date) { return Marks(r); }},
  };
  for (const Row& row : kRows) {
    w.Open("tr").Element("th", ctx.T(row.first), {{"scope", "row"}});
    for (const CourseRecord& r : courses) w.Element("td", row.second(ctx, r, today));
    w.Close("tr");
  }
  if (!funding.net_costs.empty() && funding.net_costs.size() == courses.size()) {
    w.Open("tr").Element("th", ctx.T("pay.net_cost"), {{"scope", "row"}});
    for (const std::optional<Cents>& net : funding.net_costs)
      w.Element("td", net ? HumanEuros(ctx, *net) : ctx.T("result.price_unknown"));
    w.Close("tr");
  }
  w.Close("tbody").Close("table").Close("div");
  return RenderPage(ctx, ctx.T("compare.title"), w.Take());
}

}  // namespace verder
