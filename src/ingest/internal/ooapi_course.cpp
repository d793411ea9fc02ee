#include "ingest/internal/ooapi_course.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "catalog/validation.h"
#include "core/money.h"
#include "ingest/internal/json_fields.h"
#include "ingest/internal/ooapi_names.h"
#include "ingest/internal/ooapi_offering.h"

namespace verder::ingest_internal {
namespace {

void ReadLevel(JsonFields& r, JsonFields& ext, Course* c) {
  RecordProblems* p = r.problems();
  const std::string level = r.String("level");
  std::optional<Level> ooapi;
  if (!level.empty()) {
    ooapi = LevelFromOoapi(level);
    if (ooapi) {
      c->level = *ooapi;
    } else {
      p->Add("level", "enum",
             "level '" + level +
                 "' is not an OOAPI level such as \"secondary vocational education 3\" or "
                 "\"bachelor\".");
    }
  }
  const std::string ours = ext.String("level");
  if (!ours.empty()) {
    const std::optional<Level> refined = ParseLevel(ours);
    if (!refined) {
      p->Add(ext.Path("level"), "enum",
             "ext.level must be one of none, mbo-1 .. mbo-4, hbo-ad, hbo-bachelor, hbo-master, "
             "wo-bachelor, wo-master.");
    } else if (ooapi && *ooapi != Level::kNone && level != OoapiLevel(*refined)) {
      p->Add(ext.Path("level"), "enum",
             "ext.level '" + ours + "' does not agree with level '" + level + "'.");
    } else {
      c->level = *refined;
    }
  }
  if (const std::optional<int64_t> nlqf = ext.Integer("nlqf")) {
    c->nlqf = Clamped(*nlqf);
    p->Source("nlqf", ext.Path("nlqf"));
  } else if (const std::string q = r.String("levelOfQualification"); !q.empty()) {
    // OOAPI's levelOfQualification: "1".."8" and "4+" (placed between 4 and 5).
    if (q.size() <= 2 && q[0] >= '1' && q[0] <= '8' && (q.size() == 1 || q == "4+")) {
      c->nlqf = q[0] - '0';
    } else {
      p->Add("levelOfQualification", "enum", "levelOfQualification must be 1 to 8 or 4+.");
    }
  }
}

void ReadLanguageAndMode(JsonFields& r, Course* c) {
  RecordProblems* p = r.problems();
  std::string language = r.String("teachingLanguage");
  std::string path = "teachingLanguage";
  if (language.empty() && r.Get("teachingLanguages")) {  // OOAPI v6
    const std::vector<std::string> all = r.Strings("teachingLanguages");
    if (!all.empty()) language = all[0];
    path = "teachingLanguages[0]";
  }
  if (!language.empty()) {
    if (const auto iso = LanguageFromOoapi(language)) {
      c->language = *iso;
    } else {
      p->Add(path, "enum", path + " '" + language + "' is not a language code like nld or eng.");
    }
  }
  p->Source("language", path);

  const char* key = r.Get("modeOfDelivery") ? "modeOfDelivery" : "modesOfDelivery";
  const std::optional<JsonValue> v = r.Get(key);
  const std::optional<std::string_view> one = v ? TextOf(*v) : std::nullopt;
  const std::vector<std::string> values =
      one ? std::vector<std::string>{std::string(*one)} : r.Strings(key);
  std::vector<DeliveryMode> modes;
  for (size_t i = 0; i < values.size(); ++i) {
    if (const auto m = ModeFromOoapi(values[i])) {
      modes.push_back(*m);
    } else if (values[i].rfind("x-", 0) != 0) {
      p->Add(Indexed(key, i), "enum",
             std::string(key) + " '" + values[i] +
                 "' is not one of distance-learning, on campus, online, hybrid, situated.");
    }
  }
  const auto has = [&](DeliveryMode m) {
    return std::find(modes.begin(), modes.end(), m) != modes.end();
  };
  if (has(DeliveryMode::kBlended) ||
      (has(DeliveryMode::kClassroom) && has(DeliveryMode::kOnline))) {
    c->mode = DeliveryMode::kBlended;
  } else if (!modes.empty()) {
    c->mode = modes[0];
  }
}

void ReadLoadAndDuration(JsonFields& r, Course* c) {
  RecordProblems* p = r.problems();
  JsonFields load(r.Object("studyLoad"), "studyLoad", p);
  const std::string unit = load.String("studyLoadUnit", r.Get("studyLoad").has_value());
  const std::optional<double> value = load.Number("value");
  // One EC (ects, sp) is 28 hours of study in the Netherlands; sbu are hours by definition.
  double hours_per_unit = 0;
  if (unit == "hour" || unit == "sbu" || unit == "contacttime") hours_per_unit = 1;
  if (unit == "ects" || unit == "sp") hours_per_unit = 28;
  if (!unit.empty() && hours_per_unit == 0) {
    p->Add(load.Path("studyLoadUnit"), "enum",
           "studyLoadUnit must be one of contacttime, ects, sbu, sp, hour.");
  }
  if (value && hours_per_unit > 0) {
    c->study_load_hours = Clamped(std::llround(std::clamp(*value * hours_per_unit, -1e9, 1e9)));
  }
  p->Source("study_load_hours", load.Path("value"));

  const std::string duration = r.String("duration");
  p->Source("duration_weeks", "duration");
  if (duration.empty()) return;
  // One ISO 8601 part is enough for a course: P6W, P3M, P1Y, P10D.
  int64_t n = 0;
  size_t i = 1;
  for (; i < duration.size() && i < 7 && duration[i] >= '0' && duration[i] <= '9'; ++i) {
    n = n * 10 + (duration[i] - '0');
  }
  const char unit_char = i + 1 == duration.size() && i > 1 ? duration[i] : '\0';
  if (duration[0] != 'P' ||
      (unit_char != 'D' && unit_char != 'W' && unit_char != 'M' && unit_char != 'Y')) {
    p->Add("duration", "duration", "duration '" + duration + "' is not a period like P6W or P3M.");
    return;
  }
  const int64_t weeks = unit_char == 'D'   ? (n + 6) / 7
                        : unit_char == 'W' ? n
                        : unit_char == 'M' ? (n * 52 + 6) / 12
                                           : n * 52;
  c->duration_weeks = Clamped(weeks);
}

void ReadCourseExt(JsonFields& ext, Course* c) {
  RecordProblems* p = ext.problems();
  const auto list = [&](const char* key, const char* model, std::vector<std::string>* out) {
    *out = ext.Strings(key);
    p->Source(model, ext.Path(key));
  };
  c->sector = ext.String("sector");
  p->Source("sector", ext.Path("sector"));
  list("skills", "skills", &c->skills);
  list("occupations", "occupations", &c->occupations);
  list("followUp", "follow_up", &c->follow_up);
  list("qualityMarks", "quality_marks", &c->quality_marks);
  const std::vector<std::string> funding = ext.Strings("funding");
  for (size_t i = 0; i < funding.size(); ++i) {
    if (const auto bit = ParseFundingFlag(funding[i])) {
      c->funding_flags |= *bit;
    } else {
      p->Add(Indexed(ext.Path("funding"), i), "enum",
             "'" + funding[i] + "' is not one of stap, ocw, nlqf, llk, sector.");
    }
  }
  if (const std::string credential = ext.String("credential"); !credential.empty()) {
    if (const auto cr = ParseCredential(credential)) {
      c->credential = *cr;
    } else {
      p->Add(ext.Path("credential"), "enum",
             "ext.credential must be one of none, diploma, certificate, partial-certificate, "
             "microcredential, proof-of-participation.");
    }
  }
  if (const auto pe = ext.Integer("pePoints")) c->pe_points = Clamped(*pe);
  p->Source("pe_points", ext.Path("pePoints"));
  if (const auto theory = ext.Integer("theoryPercent")) c->theory_percent = Clamped(*theory);
  p->Source("theory_percent", ext.Path("theoryPercent"));
  c->goal = ext.Localized("goal", "goal");
  if (const std::string status = ext.String("status"); !status.empty()) {
    if (const auto s = ParseCourseStatus(status)) {
      c->status = *s;
    } else {
      p->Add(ext.Path("status"), "enum", "ext.status must be active or withdrawn.");
    }
  }
  if (const auto demo = ext.Bool("demo")) c->is_demo = *demo;
}

void ReadCosts(JsonFields& ext, const std::vector<OoapiOfferingRead>& offerings,
               CourseWithOfferings* out) {
  RecordProblems* p = ext.problems();
  CostBreakdown& costs = out->course.costs;
  if (ext.Get("costs")) {
    JsonFields parts(ext.Object("costs"), ext.Path("costs"), p);
    const std::pair<const char*, Cents*> kParts[] = {{"registration", &costs.registration_cents},
                                                     {"tuition", &costs.tuition_cents},
                                                     {"materials", &costs.materials_cents},
                                                     {"other", &costs.other_cents}};
    for (const auto& [key, cents] : kParts) {
      if (const auto amount = ReadOoapiAmount(parts, key)) *cents = *amount;
      p->Source("costs." + std::string(key) + "_cents", parts.Path(key));
    }
    if (const auto v = parts.Bool("vatIncluded")) costs.vat_included = *v;
    if (const auto v = parts.Bool("vatExempt")) costs.vat_exempt = *v;
  } else {
    // Plain OOAPI: the first offering's total is the course's price, all of it tuition.
    const auto first =
        std::find_if(offerings.begin(), offerings.end(),
                     [](const OoapiOfferingRead& o) { return o.price.total.has_value(); });
    costs.stated = first != offerings.end();
    if (costs.stated) {
      costs.tuition_cents = *first->price.total;
      p->Source("costs.tuition_cents", first->price.path);
    }
  }
  for (size_t i = 0; i < offerings.size(); ++i) {
    Offering o = offerings[i].offering;
    // A total equal to the course's means "the course price", which the catalogue stores as none.
    const std::optional<Cents> total = offerings[i].price.total;
    if (total && *total != costs.Total()) o.price_cents = total;
    p->Source(Indexed("offerings", i) + ".price_cents", offerings[i].price.path);
    out->offerings.push_back(std::move(o));
  }
}

void ReadCode(JsonFields& r, Course* c) {
  if (!r.Get("primaryCode")) {
    c->primary_code = {"provider", c->external_id};
    return;
  }
  JsonFields code(r.Object("primaryCode"), "primaryCode", r.problems());
  r.problems()->Source("primary_code.type", code.Path("codeType"));
  r.problems()->Source("primary_code.code", code.Path("code"));
  const std::string type = code.String("codeType", true);
  const std::string value = code.String("code", true);
  c->primary_code = CodeFromOoapi(type, value, c->level);
}

}  // namespace

std::string OoapiCourseId(JsonValue j) {
  simdjson::dom::object object;
  JsonValue id;
  if (j.get_object().get(object) != simdjson::SUCCESS ||
      object.at_key("courseId").get(id) != simdjson::SUCCESS) {
    return "";
  }
  return std::string(TextOf(id).value_or(""));
}

CourseWithOfferings CourseFromOoapi(JsonValue j, const GeoIndex* geo, RecordProblems* p) {
  CourseWithOfferings out;
  Course& c = out.course;
  JsonFields r(j, "", p);
  JsonFields ext(r.Object("ext"), "ext", p);
  c.external_id = r.String("courseId", true);
  p->Source("external_id", "courseId");
  c.title = r.Localized("name", "title", true);
  c.description = r.Localized("description", "description");
  c.prerequisites = r.Localized("admissionRequirements", "prerequisites");
  const LocalizedText assessment = r.Localized("assessment", "assessment");
  c.exam = assessment.nl.empty() ? assessment.en : assessment.nl;
  p->Source("exam", "assessment");
  ReadLevel(r, ext, &c);
  ReadCode(r, &c);
  ReadLanguageAndMode(r, &c);
  ReadLoadAndDuration(r, &c);
  ReadCourseExt(ext, &c);

  OoapiCourseDefaults defaults;
  defaults.link = r.String("link");
  defaults.link_path = "link";
  if (!defaults.link.empty() && !IsHttpUrl(defaults.link)) {
    p->Add("link", "url", "link must be a web address starting with https://.");
  }
  defaults.address = ReadOoapiAddresses(r);
  std::vector<OoapiOfferingRead> offerings;
  if (const std::optional<JsonValue> list = r.Array("offerings")) {
    const std::vector<JsonValue> items = ElementsOf(*list);
    for (size_t i = 0; i < items.size(); ++i) {
      offerings.push_back(ReadOoapiOffering(items[i], i, defaults, geo, p));
    }
  }
  ReadCosts(ext, offerings, &out);
  return out;
}

}  // namespace verder::ingest_internal
