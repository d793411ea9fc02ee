// catalog/internal/course_reader.h — the one description of how a course, an offering and a
// provider are read from their JSON (catalog/course_json.h), for any JSON library.
//
// The API and the tests read nlohmann trees (course_json.cpp); the store reads its documents
// with simdjson (course_document.cpp), because it parses thousands of them per second and
// nlohmann's tree was the largest cost of bringing the search index up to date. Both instantiate
// these templates with a small value type over their library, so the fields, their types and the
// error messages live here once. A value type V offers:
//
//   bool IsObject(), IsArray(), IsString(), IsInteger(), IsBool(), IsNull();
//   std::string_view Text();  int64_t Integer();  bool Boolean();
//   std::optional<V> Member(const char* name);   // an object's member, if there is one
//   template <typename F> bool Elements(F f);    // f(V) for each array element until it is false
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/course.h"
#include "core/status.h"

namespace verder::catalog_internal {

// Reads fields of one JSON object, remembering the first error with its field name, so a
// reader goes straight through and reports where the input went wrong.
template <typename V>
class FieldReader {
 public:
  FieldReader(const V& v, std::string prefix) : v_(v), prefix_(std::move(prefix)) {
    if (!v_.IsObject()) Fail("", "expected an object");
  }

  bool ok() const { return !error_.has_value(); }
  Error error() const { return *error_; }

  void String(const char* name, std::string* out) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsString()) return Fail(name, "expected text");
    *out = std::string(v->Text());
  }
  void Strings(const char* name, std::vector<std::string>* out) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsArray()) return Fail(name, "expected a list of texts");
    out->clear();
    v->Elements([&](const V& e) {
      if (!e.IsString()) {
        Fail(name, "expected a list of texts");
        return false;
      }
      out->emplace_back(e.Text());
      return true;
    });
  }
  void Localized(const char* name, LocalizedText* out) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsObject()) return Fail(name, "expected {\"nl\": ..., \"en\": ...}");
    FieldReader inner(*v, Path(name) + ".");
    inner.String("nl", &out->nl);
    inner.String("en", &out->en);
    if (!inner.ok()) error_ = inner.error();
  }
  template <typename Int>
  void Integer(const char* name, Int* out) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsInteger()) return Fail(name, "expected a whole number");
    *out = static_cast<Int>(v->Integer());
  }
  void Bool(const char* name, bool* out) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsBool()) return Fail(name, "expected true or false");
    *out = v->Boolean();
  }
  void OptionalDate(const char* name, std::optional<Date>* out) {
    const std::optional<V> v = Find(name);
    if (!v || v->IsNull()) return;
    if (!v->IsString()) return Fail(name, "expected a date as YYYY-MM-DD");
    const Result<Date> d = Date::Parse(v->Text());
    if (!d.ok()) return Fail(name, d.error().message);
    *out = d.value();
  }
  template <typename E>
  void Enum(const char* name, E* out, std::optional<E> (*parse)(std::string_view)) {
    const std::optional<V> v = Find(name);
    if (!v) return;
    if (!v->IsString()) return Fail(name, "expected text");
    const std::optional<E> e = parse(v->Text());
    if (!e) return Fail(name, "unknown value '" + std::string(v->Text()) + "'");
    *out = *e;
  }
  std::optional<V> Find(const char* name) {
    if (!ok()) return std::nullopt;
    return v_.Member(name);
  }
  std::string Path(const char* name) const { return prefix_ + name; }
  void Fail(const char* name, std::string message) {
    if (ok()) error_ = InvalidArgument(Path(name), std::move(message));
  }

 private:
  const V& v_;
  std::string prefix_;
  std::optional<Error> error_;
};

template <typename V>
Result<Provider> ReadProvider(const V& v) {
  Provider p;
  FieldReader<V> r(v, "");
  r.Integer("id", &p.id);
  r.String("key", &p.key);
  r.String("name", &p.name);
  r.String("kvk", &p.kvk);
  r.String("brin", &p.brin);
  r.String("website", &p.website);
  r.Strings("quality_marks", &p.quality_marks);
  if (const std::optional<V> contact = r.Find("contact")) {
    FieldReader<V> cr(*contact, "contact.");
    cr.String("email", &p.contact.email);
    cr.String("phone", &p.contact.phone);
    if (!cr.ok()) return cr.error();
  }
  r.Bool("is_demo", &p.is_demo);
  if (!r.ok()) return r.error();
  return p;
}

template <typename V>
Result<Offering> ReadOffering(const V& v) {
  Offering o;
  FieldReader<V> r(v, "");
  r.Integer("id", &o.id);
  r.String("external_id", &o.external_id);
  r.OptionalDate("start", &o.start);
  r.OptionalDate("end", &o.end);
  if (const std::optional<V> loc = r.Find("location")) {
    FieldReader<V> lr(*loc, "location.");
    lr.String("postcode", &o.location.postcode);
    lr.String("municipality_code", &o.location.municipality_code);
    lr.String("place", &o.location.place);
    lr.String("address", &o.location.address);
    if (!lr.ok()) return lr.error();
  }
  r.Enum("daypart", &o.daypart, &ParseDaypart);
  r.Integer("seats", &o.seats);
  if (const std::optional<V> price = r.Find("price_cents"); price && !price->IsNull()) {
    Cents cents = 0;
    r.Integer("price_cents", &cents);
    o.price_cents = cents;
  }
  r.String("enrol_url", &o.enrol_url);
  r.Enum("status", &o.status, &ParseOfferingStatus);
  if (!r.ok()) return r.error();
  return o;
}

template <typename V>
Result<Course> ReadCourse(const V& v) {
  Course c;
  FieldReader<V> r(v, "");
  r.Integer("id", &c.id);
  r.Integer("provider_id", &c.provider_id);
  r.String("external_id", &c.external_id);
  if (const std::optional<V> code = r.Find("primary_code")) {
    FieldReader<V> cr(*code, "primary_code.");
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
  if (const std::optional<V> costs = r.Find("costs")) {
    FieldReader<V> cr(*costs, "costs.");
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

}  // namespace verder::catalog_internal
