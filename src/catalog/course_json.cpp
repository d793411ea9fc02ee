#include "catalog/course_json.h"

#include <nlohmann/json.hpp>

namespace verder {
namespace {

using nlohmann::json;

json Localized(const LocalizedText& t) {
  json j = json::object();
  j["nl"] = t.nl;
  if (!t.en.empty()) j["en"] = t.en;
  return j;
}

// Reads fields of one JSON object, remembering the first error with its field name, so a
// FromJson function reads straight through and reports where the input went wrong.
class FieldReader {
 public:
  FieldReader(const json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {
    if (!j_.is_object()) Fail("", "expected an object");
  }

  bool ok() const { return !error_.has_value(); }
  Error error() const { return *error_; }

  void String(const char* name, std::string* out) {
    const json* v = Find(name);
    if (v == nullptr) return;
    if (!v->is_string()) return Fail(name, "expected text");
    *out = v->get<std::string>();
  }
  void Strings(const char* name, std::vector<std::string>* out) {
    const json* v = Find(name);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(name, "expected a list of texts");
    out->clear();
    for (const auto& e : *v) {
      if (!e.is_string()) return Fail(name, "expected a list of texts");
      out->push_back(e.get<std::string>());
    }
  }
  void Localized(const char* name, LocalizedText* out) {
    const json* v = Find(name);
    if (v == nullptr) return;
    if (!v->is_object()) return Fail(name, "expected {\"nl\": ..., \"en\": ...}");
    FieldReader inner(*v, Path(name) + ".");
    inner.String("nl", &out->nl);
    inner.String("en", &out->en);
    if (!inner.ok()) error_ = inner.error();
  }
  template <typename Int>
  void Integer(const char* name, Int* out) {
    const json* v = Find(name);
    if (v == nullptr) return;
    if (!v->is_number_integer()) return Fail(name, "expected a whole number");
    *out = v->get<Int>();
  }
  void Bool(const char* name, bool* out) {
    const json* v = Find(name);
    if (v == nullptr) return;
    if (!v->is_boolean()) return Fail(name, "expected true or false");
    *out = v->get<bool>();
  }
  void OptionalDate(const char* name, std::optional<Date>* out) {
    const json* v = Find(name);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_string()) return Fail(name, "expected a date as YYYY-MM-DD");
    const Result<Date> d = Date::Parse(v->get<std::string>());
    if (!d.ok()) return Fail(name, d.error().message);
    *out = d.value();
  }
  template <typename E>
  void Enum(const char* name, E* out, std::optional<E> (*parse)(std::string_view)) {
    std::string text;
    if (Find(name) == nullptr) return;
    String(name, &text);
    if (!ok()) return;
    const std::optional<E> e = parse(text);
    if (!e) return Fail(name, "unknown value '" + text + "'");
    *out = *e;
  }
  const json* Find(const char* name) {
    if (!ok()) return nullptr;
    const auto it = j_.find(name);
    return it == j_.end() ? nullptr : &*it;
  }
  std::string Path(const char* name) const { return prefix_ + name; }
  void Fail(const char* name, std::string message) {
    if (ok()) error_ = InvalidArgument(Path(name), std::move(message));
  }

 private:
  const json& j_;
  std::string prefix_;
  std::optional<Error> error_;
};

}  // namespace

json ToJson(const Provider& p) {
  json j = {{"id", p.id},
            {"key", p.key},
            {"name", p.name},
            {"kvk", p.kvk},
            {"brin", p.brin},
            {"website", p.website},
            {"quality_marks", p.quality_marks},
            {"contact", {{"email", p.contact.email}, {"phone", p.contact.phone}}},
            {"is_demo", p.is_demo}};
  return j;
}

json ToJson(const Offering& o) {
  json j = {{"id", o.id},
            {"external_id", o.external_id},
            {"start", o.start ? json(o.start->ToString()) : json(nullptr)},
            {"end", o.end ? json(o.end->ToString()) : json(nullptr)},
            {"location",
             {{"postcode", o.location.postcode},
              {"municipality_code", o.location.municipality_code},
              {"place", o.location.place},
              {"address", o.location.address}}},
            {"daypart", DaypartName(o.daypart)},
            {"seats", o.seats},
            {"price_cents", o.price_cents ? json(*o.price_cents) : json(nullptr)},
            {"enrol_url", o.enrol_url},
            {"status", OfferingStatusName(o.status)}};
  return j;
}

json ToJson(const Course& c) {
  json j = {{"id", c.id},
            {"provider_id", c.provider_id},
            {"external_id", c.external_id},
            {"primary_code", {{"type", c.primary_code.type}, {"code", c.primary_code.code}}},
            {"title", Localized(c.title)},
            {"description", Localized(c.description)},
            {"goal", Localized(c.goal)},
            {"prerequisites", Localized(c.prerequisites)},
            {"follow_up", c.follow_up},
            {"level", LevelName(c.level)},
            {"nlqf", c.nlqf},
            {"sector", c.sector},
            {"occupations", c.occupations},
            {"skills", c.skills},
            {"study_load_hours", c.study_load_hours},
            {"duration_weeks", c.duration_weeks},
            {"theory_percent", c.theory_percent},
            {"exam", c.exam},
            {"credential", CredentialName(c.credential)},
            {"pe_points", c.pe_points},
            {"costs",
             {{"registration_cents", c.costs.registration_cents},
              {"tuition_cents", c.costs.tuition_cents},
              {"materials_cents", c.costs.materials_cents},
              {"other_cents", c.costs.other_cents},
              {"total_cents", c.costs.Total()},
              {"vat_included", c.costs.vat_included},
              {"vat_exempt", c.costs.vat_exempt},
              {"stated", c.costs.stated}}},
            {"language", c.language},
            {"mode", DeliveryModeName(c.mode)},
            {"funding", FundingFlagNames(c.funding_flags)},
            {"quality_marks", c.quality_marks},
            {"status", CourseStatusName(c.status)},
            {"is_demo", c.is_demo},
            {"updated_at", c.updated_at}};
  return j;
}

Result<Provider> ProviderFromJson(const json& j) {
  Provider p;
  FieldReader r(j, "");
  r.Integer("id", &p.id);
  r.String("key", &p.key);
  r.String("name", &p.name);
  r.String("kvk", &p.kvk);
  r.String("brin", &p.brin);
  r.String("website", &p.website);
  r.Strings("quality_marks", &p.quality_marks);
  if (const json* contact = r.Find("contact")) {
    FieldReader cr(*contact, "contact.");
    cr.String("email", &p.contact.email);
    cr.String("phone", &p.contact.phone);
    if (!cr.ok()) return cr.error();
  }
  r.Bool("is_demo", &p.is_demo);
  if (!r.ok()) return r.error();
  return p;
}

Result<Offering> OfferingFromJson(const json& j) {
  Offering o;
  FieldReader r(j, "");
  r.Integer("id", &o.id);
  r.String("external_id", &o.external_id);
  r.OptionalDate("start", &o.start);
  r.OptionalDate("end", &o.end);
  if (const json* loc = r.Find("location")) {
    FieldReader lr(*loc, "location.");
    lr.String("postcode", &o.location.postcode);
    lr.String("municipality_code", &o.location.municipality_code);
    lr.String("place", &o.location.place);
    lr.String("address", &o.location.address);
    if (!lr.ok()) return lr.error();
  }
  r.Enum("daypart", &o.daypart, &ParseDaypart);
  r.Integer("seats", &o.seats);
  if (const json* price = r.Find("price_cents"); price != nullptr && !price->is_null()) {
    Cents cents = 0;
    r.Integer("price_cents", &cents);
    o.price_cents = cents;
  }
  r.String("enrol_url", &o.enrol_url);
  r.Enum("status", &o.status, &ParseOfferingStatus);
  if (!r.ok()) return r.error();
  return o;
}

Result<Course> CourseFromJson(const json& j) {
  Course c;
  FieldReader r(j, "");
  r.Integer("id", &c.id);
  r.Integer("provider_id", &c.provider_id);
  r.String("external_id", &c.external_id);
  if (const json* code = r.Find("primary_code")) {
    FieldReader cr(*code, "primary_code.");
    cr.String("type", &c.primary_code.type);
    cr.String("code", &c.primary_code.code);
    if (!cr.ok()) return cr.error();
  }
  r.Localized("title", &c.title);
  r.Localized("description", &c.description);
  r.Localized("goal", &c.goal);
  r.Localized("prerequisites", &c.prerequisites);
  r.Strings("follow_up", &c.follow_up);
  r.Enum("level", &c.level, &ParseLevel);
  r.Integer("nlqf", &c.nlqf);
  r.String("sector", &c.sector);
  r.Strings("occupations", &c.occupations);
  r.Strings("skills", &c.skills);
  r.Integer("study_load_hours", &c.study_load_hours);
  r.Integer("duration_weeks", &c.duration_weeks);
  r.Integer("theory_percent", &c.theory_percent);
  r.String("exam", &c.exam);
  r.Enum("credential", &c.credential, &ParseCredential);
  r.Integer("pe_points", &c.pe_points);
  if (const json* costs = r.Find("costs")) {
    FieldReader cr(*costs, "costs.");
    cr.Integer("registration_cents", &c.costs.registration_cents);
    cr.Integer("tuition_cents", &c.costs.tuition_cents);
    cr.Integer("materials_cents", &c.costs.materials_cents);
    cr.Integer("other_cents", &c.costs.other_cents);
    cr.Bool("vat_included", &c.costs.vat_included);
    cr.Bool("vat_exempt", &c.costs.vat_exempt);
    cr.Bool("stated", &c.costs.stated);
    if (!cr.ok()) return cr.error();
  }
  r.String("language", &c.language);
  r.Enum("mode", &c.mode, &ParseDeliveryMode);
  std::vector<std::string> funding;
  r.Strings("funding", &funding);
  for (const std::string& name : funding) {
    const std::optional<uint32_t> bit = ParseFundingFlag(name);
    if (!bit) return InvalidArgument("funding", "unknown register '" + name + "'");
    c.funding_flags |= *bit;
  }
  r.Strings("quality_marks", &c.quality_marks);
  r.Enum("status", &c.status, &ParseCourseStatus);
  r.Bool("is_demo", &c.is_demo);
  r.Integer("updated_at", &c.updated_at);
  if (!r.ok()) return r.error();
  return c;
}

}  // namespace verder
