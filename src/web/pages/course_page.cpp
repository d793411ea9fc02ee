// The course page: every fact the model holds, in the order a person asks them, with the
// schema.org Course/CourseInstance description for other sites and search engines.
#include <nlohmann/json.hpp>

#include "web/pages/pages_internal.h"

namespace verder {
namespace {

void Fact(const PageContext& ctx, const char* key, const std::string& value, HtmlWriter* w) {
  if (value.empty()) return;
  w->Element("dt", ctx.T(key)).Element("dd", value);
}

void WriteList(const std::vector<std::string>& items, HtmlWriter* w) {
  w->Open("ul");
  for (const std::string& i : items) w->Element("li", i);
  w->Close("ul");
}

void WriteCosts(const PageContext& ctx, const Course& c, HtmlWriter* w) {
  w->Element("h2", ctx.T("course.costs"));
  if (!c.costs.stated) {
    w->Element("p", ctx.T("course.costs.not_stated"));
    return;
  }
  w->Open("div", {{"class", "table-scroll"}}).Open("table");
  const std::pair<const char*, Cents> rows[] = {
      {"course.costs.registration", c.costs.registration_cents},
      {"course.costs.tuition", c.costs.tuition_cents},
      {"course.costs.materials", c.costs.materials_cents},
      {"course.costs.other", c.costs.other_cents}};
  for (const auto& [key, cents] : rows) {
    if (cents == 0) continue;
    w->Open("tr")
        .Element("th", ctx.T(key), {{"scope", "row"}})
        .Element("td", HumanEuros(ctx, cents), {{"class", "amount"}})
        .Close("tr");
  }
  w->Open("tr").Element("th", ctx.T("course.costs.total"), {{"scope", "row"}});
  w->Open("td", {{"class", "amount"}})
      .Element("strong",
               c.costs.Total() == 0 ? ctx.T("result.price_free") : HumanEuros(ctx, c.costs.Total()))
      .Close("td")
      .Close("tr");
  w->Close("table").Close("div");
  w->Element(
      "p", ctx.T(c.costs.vat_included ? "course.costs.vat_included" : "course.costs.vat_excluded"),
      {{"class", "hint"}});
}

void WriteOfferings(const PageContext& ctx, const std::vector<Offering>& offerings, Date today,
                    HtmlWriter* w) {
  w->Element("h2", ctx.T("course.offerings"));
  std::vector<const Offering*> open;
  for (const Offering& o : offerings) {
    if (o.status == OfferingStatus::kOpen && (!o.end || *o.end >= today)) open.push_back(&o);
  }
  if (open.empty()) {
    w->Element("p", ctx.T("course.offering.none"));
    return;
  }
  // Focusable and named: a table wider than a phone scrolls, and keyboard users must reach it.
  w->Open("div", {{"class", "table-scroll"},
                  {"tabindex", "0"},
                  {"role", "region"},
                  {"aria-label", ctx.T("course.offerings")}})
      .Open("table");
  w->Open("thead").Open("tr");
  for (const char* key : {"course.offering.start", "course.offering.end", "course.offering.place",
                          "course.offering.daypart"}) {
    w->Element("th", ctx.T(key), {{"scope", "col"}});
  }
  w->Close("tr").Close("thead").Open("tbody");
  for (const Offering* o : open) {
    w->Open("tr");
    w->Element("td", o->start ? HumanDate(ctx, *o->start) : ctx.T("result.start_unknown"));
    w->Element("td", o->end ? HumanDate(ctx, *o->end) : "—");
    w->Element("td", o->location.place.empty() ? ctx.T("mode.online") : o->location.place);
    w->Element("td", ctx.T(std::string("daypart.") + DaypartName(o->daypart)));
    w->Close("tr");
  }
  w->Close("tbody").Close("table").Close("div");
}

std::string JsonLd(const CourseRecord& r) {
  using nlohmann::json;
  const Course& c = r.course;
  json j = {{"@context", "https://schema.org"},
            {"@type", "Course"},
            {"name", c.title.nl},
            {"description", c.description.nl},
            {"inLanguage", c.language},
            {"provider", {{"@type", "Organization"}, {"name", r.provider.name}}}};
  if (!c.primary_code.code.empty()) j["courseCode"] = c.primary_code.code;
  if (!c.prerequisites.nl.empty()) j["coursePrerequisites"] = c.prerequisites.nl;
  if (c.credential != Credential::kNone)
    j["educationalCredentialAwarded"] = CredentialName(c.credential);
  if (c.level != Level::kNone) j["educationalLevel"] = LevelName(c.level);
  if (!c.skills.empty()) j["teaches"] = c.skills;
  if (c.study_load_hours > 0) j["timeRequired"] = "PT" + std::to_string(c.study_load_hours) + "H";
  if (c.costs.stated) {
    j["offers"] = {{"@type", "Offer"},
                   {"price", FormatEurosPlain(c.costs.Total())},
                   {"priceCurrency", "EUR"},
                   {"category", "Paid"}};
  }
  json instances = json::array();
  for (const Offering& o : r.offerings) {
    if (o.status != OfferingStatus::kOpen) continue;
    json i = {{"@type", "CourseInstance"}, {"courseMode", DeliveryModeName(c.mode)}};
    if (o.start) i["startDate"] = o.start->ToString();
    if (o.end) i["endDate"] = o.end->ToString();
    if (!o.location.place.empty())
      i["location"] = {{"@type", "Place"},
                       {"name", o.location.place},
                       {"address",
                        {{"@type", "PostalAddress"},
                         {"postalCode", o.location.postcode},
                         {"addressLocality", o.location.place},
                         {"addressCountry", "NL"}}}};
    instances.push_back(std::move(i));
  }
  if (!instances.empty()) j["hasCourseInstance"] = std::move(instances);
  // "</" cannot appear inside a script element: escape the slash (valid JSON either way).
  std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string safe;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      safe += "\\u003c";
    } else {
      safe += text[i];
    }
  }
  return safe;
}

}  // namespace

namespace {

// Who made a change, in words: the audit trail names keys and importers ("provider:42/key:..",
// "import:duo"); a person reading the page wants to know whether the provider said so.
std::string ActorLabel(const PageContext& ctx, const std::string& actor, const Provider& provider) {
  if (actor.rfind("provider:", 0) == 0) {
    return provider.name.empty() ? ctx.T("actor.provider") : provider.name;
  }
  if (actor.rfind("operator", 0) == 0) return ctx.T("actor.operator");
  if (actor == "import:duo") return ctx.T("actor.duo");
  if (actor == "demo") return ctx.T("actor.demo");
  return ctx.T("actor.other");
}

std::string ChangeDate(const PageContext& ctx, int64_t unix_seconds) {
  return HumanDate(ctx, Date::FromDays(static_cast<int32_t>(unix_seconds / 86400)));
}

// The field names a change touched, from its diff ({"field": [old, new], ...}).
std::string ChangedFields(const std::string& diff_json) {
  const nlohmann::json diff = nlohmann::json::parse(diff_json, nullptr, false);
  std::string fields;
  if (!diff.is_object()) return fields;
  for (const auto& [name, value] : diff.items()) fields += (fields.empty() ? "" : ", ") + name;
  return fields;
}

// "Last changed on … by …", then every change, newest first, folded away in a <details>.
void WriteCourseHistory(const PageContext& ctx, const CourseRecord& r,
                        const std::vector<Change>& history, HtmlWriter* w) {
  const Course& c = r.course;
  if (history.empty()) {
    if (c.updated_at > 0) {
      w->Element("p",
                 ctx.words->Format(ctx.lang, "course.last_change",
                                   {{"date", ChangeDate(ctx, c.updated_at)}}),
                 {{"class", "hint"}});
    }
    return;
  }
  const Change& last = history.back();
  w->Element("p",
             ctx.words->Format(ctx.lang, "course.last_change_by",
                               {{"date", ChangeDate(ctx, last.at)},
                                {"who", ActorLabel(ctx, last.actor, r.provider)}}),
             {{"class", "hint"}});
  w->Open("details").Element("summary", ctx.T("course.history")).Open("ol", {{"reversed", ""}});
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    w->Open("li").Text(
        ctx.words->Format(ctx.lang, "course.history.item",
                          {{"date", ChangeDate(ctx, it->at)},
                           {"action", ctx.T(std::string("change.") + ChangeActionName(it->action))},
                           {"who", ActorLabel(ctx, it->actor, r.provider)}}));
    if (const std::string fields = ChangedFields(it->diff_json); !fields.empty()) {
      w->Text(" ").Element(
          "span", ctx.words->Format(ctx.lang, "course.history.fields", {{"fields", fields}}),
          {{"class", "hint"}});
    }
    w->Close("li");
  }
  w->Close("ol").Close("details");
}

}  // namespace

std::string RenderCourse(const PageContext& ctx, const CourseRecord& r,
                         const std::vector<Change>& history, const RelatedCourses& related,
                         const CourseFunding& funding, Date today,
                         const std::string& complaint_token) {
  const Course& c = r.course;
  HtmlWriter w;
  const std::string title = ctx.Text(c.title);
  w.Open("h1").Text(title);
  if (c.is_demo) w.Text(" ").Element("span", ctx.T("result.demo"), {{"class", "badge"}});
  w.Close("h1");
  if (c.is_demo) w.Element("p", ctx.T("course.demo_notice"), {{"class", "notice"}});
  w.Open("dl", {{"class", "facts"}});
  Fact(ctx, "course.provider", r.provider.name, &w);
  Fact(ctx, "result.level", ctx.T(std::string("level.") + LevelName(c.level)), &w);
  Fact(ctx, "result.mode", ctx.T(std::string("mode.") + DeliveryModeName(c.mode)), &w);
  Fact(ctx, "course.language", ctx.T("lang." + c.language), &w);
  Fact(ctx, "course.sector", c.sector, &w);
  Fact(ctx, "course.code", c.primary_code.code, &w);
  w.Close("dl");

  w.Element("h2", ctx.T("course.what"));
  w.Element("p", ctx.Text(c.description));
  if (!c.goal.nl.empty())
    w.Open("p").Element("strong", ctx.T("course.goal") + ": ").Text(ctx.Text(c.goal)).Close("p");
  if (!c.skills.empty()) {
    w.Element("h3", ctx.T("course.skills"));
    WriteList(c.skills, &w);
  }
  if (!c.prerequisites.nl.empty()) {
    w.Element("h2", ctx.T("course.for_whom"));
    w.Element("p", ctx.Text(c.prerequisites));
  }
  WriteOfferings(ctx, r.offerings, today, &w);
  WriteCosts(ctx, c, &w);
  WriteCourseFunding(ctx, funding, c.id, &w);

  w.Element("h2", ctx.T("course.result"));
  w.Open("dl", {{"class", "facts"}});
  Fact(ctx, "course.credential", ctx.T(std::string("credential.") + CredentialName(c.credential)),
       &w);
  Fact(ctx, "course.exam", c.exam, &w);
  if (c.pe_points > 0) Fact(ctx, "course.pe_points", std::to_string(c.pe_points), &w);
  if (c.study_load_hours > 0)
    Fact(ctx, "course.study_load",
         ctx.words->Format(ctx.lang, "course.study_load_hours",
                           {{"hours", std::to_string(c.study_load_hours)}}),
         &w);
  if (c.duration_weeks > 0)
    Fact(ctx, "course.duration",
         ctx.words->Format(ctx.lang, "course.duration_weeks",
                           {{"weeks", std::to_string(c.duration_weeks)}}),
         &w);
  if (c.theory_percent >= 0) {
    Fact(ctx, "course.theory",
         ctx.words->Format(ctx.lang, "course.theory_share",
                           {{"theory", std::to_string(c.theory_percent)},
                            {"practice", std::to_string(100 - c.theory_percent)}}),
         &w);
  }
  w.Close("dl");

  w.Element("h2", ctx.T("course.quality"));
  std::vector<std::string> marks = c.quality_marks;
  marks.insert(marks.end(), r.provider.quality_marks.begin(), r.provider.quality_marks.end());
  if (marks.empty()) {
    w.Element("p", ctx.T("course.quality.none"));
  } else {
    WriteList(marks, &w);
  }
  w.Element("p", ctx.T("home.quality.note"), {{"class", "hint"}});
  if (!c.occupations.empty()) {
    w.Element("h2", ctx.T("course.work"));
    WriteList(c.occupations, &w);
  }
  if (!c.follow_up.empty()) {
    w.Element("h2", ctx.T("course.follow_up"));
    WriteList(c.follow_up, &w);
  }
  std::string enrol;
  for (const Offering& o : r.offerings) {
    if (!o.enrol_url.empty() && o.status == OfferingStatus::kOpen) {
      enrol = o.enrol_url;
      break;
    }
  }
  w.Open("p");
  if (!enrol.empty()) {
    w.Element("a", ctx.T("course.enrol"),
              {{"class", "button"}, {"href", enrol}, {"rel", "noopener noreferrer"}});
  } else if (!r.provider.website.empty()) {
    w.Element("a", ctx.T("course.provider_site"),
              {{"class", "button"}, {"href", r.provider.website}, {"rel", "noopener noreferrer"}});
  }
  w.Close("p");
  w.Open("p")
      .Element("a", ctx.T("course.compare"),
               {{"href", ctx.Path("compare") + "?id=" + std::to_string(c.id)}})
      .Close("p");
  if (!related.similar.empty()) {
    w.Element("h2", ctx.T("course.similar"));
    WriteCourseLinks(ctx, related.similar, c.id, &w);
  }
  if (!related.also_viewed.empty()) {
    w.Element("h2", ctx.T("course.also_viewed"));
    w.Element("p", ctx.T("course.also_viewed.note"), {{"class", "hint"}});
    WriteCourseLinks(ctx, related.also_viewed, c.id, &w);
  }
  WriteCourseHistory(ctx, r, history, &w);
  WriteComplaintForm(ctx, c.id, {.token = complaint_token}, &w);
  w.Open("script", {{"type", "application/ld+json"}}).Raw(JsonLd(r)).Close("script");
  return RenderPage(ctx, title, w.Take());
}

}  // namespace verder
