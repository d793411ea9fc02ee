#include "catalog/course_document.h"

#include "core/json_text.h"

namespace verder {
namespace {

// {"en":...,"nl":...}: "en" only when there is an English text, as ToJson writes it.
void WriteLocalized(JsonText& w, const char* key, const LocalizedText& t) {
  w.Key(key).BeginObject();
  if (!t.en.empty()) w.Key("en").String(t.en);
  w.Key("nl").String(t.nl).EndObject();
}

}  // namespace

// The keys below are in byte order, as in a nlohmann object (a std::map); the test compares
// with ToJson(course).dump() for the whole demo catalogue, so a key out of place fails it.
std::string StoredCourseDocument(const Course& c) {
  std::string out;
  out.reserve(1024 + c.description.nl.size() + c.description.en.size() + c.goal.nl.size());
  JsonText w(&out);
  w.BeginObject();
  w.Key("costs").BeginObject();
  w.Key("materials_cents").Int(c.costs.materials_cents);
  w.Key("other_cents").Int(c.costs.other_cents);
  w.Key("registration_cents").Int(c.costs.registration_cents);
  w.Key("stated").Bool(c.costs.stated);
  w.Key("total_cents").Int(c.costs.Total());
  w.Key("tuition_cents").Int(c.costs.tuition_cents);
  w.Key("vat_exempt").Bool(c.costs.vat_exempt);
  w.Key("vat_included").Bool(c.costs.vat_included);
  w.EndObject();
  w.Key("credential").String(CredentialName(c.credential));
  WriteLocalized(w, "description", c.description);
  w.Key("duration_weeks").Int(c.duration_weeks);
  w.Key("exam").String(c.exam);
  w.Key("external_id").String(c.external_id);
  w.Key("follow_up").Strings(c.follow_up);
  w.Key("funding").Strings(FundingFlagNames(c.funding_flags));
  WriteLocalized(w, "goal", c.goal);
  w.Key("is_demo").Bool(c.is_demo);
  w.Key("language").String(c.language);
  w.Key("level").String(LevelName(c.level));
  w.Key("mode").String(DeliveryModeName(c.mode));
  w.Key("nlqf").Int(c.nlqf);
  w.Key("occupations").Strings(c.occupations);
  w.Key("pe_points").Int(c.pe_points);
  WriteLocalized(w, "prerequisites", c.prerequisites);
  w.Key("primary_code").BeginObject();
  w.Key("code").String(c.primary_code.code);
  w.Key("type").String(c.primary_code.type);
  w.EndObject();
  w.Key("quality_marks").Strings(c.quality_marks);
  w.Key("sector").String(c.sector);
  w.Key("skills").Strings(c.skills);
  w.Key("status").String(CourseStatusName(c.status));
  w.Key("study_load_hours").Int(c.study_load_hours);
  w.Key("theory_percent").Int(c.theory_percent);
  WriteLocalized(w, "title", c.title);
  w.EndObject();
  return out;
}

std::string StoredOfferingDocument(const Offering& o) {
  std::string out;
  out.reserve(256 + o.enrol_url.size() + o.location.address.size());
  JsonText w(&out);
  w.BeginObject();
  w.Key("daypart").String(DaypartName(o.daypart));
  w.Key("end");
  o.end ? w.String(o.end->ToString()) : w.Null();
  w.Key("enrol_url").String(o.enrol_url);
  w.Key("external_id").String(o.external_id);
  w.Key("location").BeginObject();
  w.Key("address").String(o.location.address);
  w.Key("municipality_code").String(o.location.municipality_code);
  w.Key("place").String(o.location.place);
  w.Key("postcode").String(o.location.postcode);
  w.EndObject();
  w.Key("price_cents");
  o.price_cents ? w.Int(*o.price_cents) : w.Null();
  w.Key("seats").Int(o.seats);
  w.Key("start");
  o.start ? w.String(o.start->ToString()) : w.Null();
  w.Key("status").String(OfferingStatusName(o.status));
  w.EndObject();
  return out;
}

}  // namespace verder
