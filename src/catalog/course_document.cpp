#include "catalog/course_document.h"

#include <simdjson.h>

#include "catalog/internal/course_reader.h"
#include "core/json_text.h"

namespace verder {
namespace {

// A simdjson DOM element as catalog_internal's readers take it.
class SimdjsonValue {
 public:
  explicit SimdjsonValue(simdjson::dom::element e) : e_(e) {}
  bool IsObject() const { return e_.is_object(); }
  bool IsArray() const { return e_.is_array(); }
  bool IsString() const { return e_.is_string(); }
  bool IsInteger() const { return e_.is_int64() || e_.is_uint64(); }
  bool IsBool() const { return e_.is_bool(); }
  bool IsNull() const { return e_.is_null(); }
  std::string_view Text() const { return e_.get_string().value_unsafe(); }
  int64_t Integer() const {
    return e_.is_int64() ? e_.get_int64().value_unsafe()
                         : static_cast<int64_t>(e_.get_uint64().value_unsafe());
  }
  bool Boolean() const { return e_.get_bool().value_unsafe(); }
  std::optional<SimdjsonValue> Member(const char* name) const {
    const simdjson::dom::object object = e_.get_object().value_unsafe();
    simdjson::dom::element member;
    if (object.at_key(name).get(member) != simdjson::SUCCESS) {
      return std::nullopt;
    }
    return SimdjsonValue(member);
  }
  template <typename F>
  bool Elements(F f) const {
    // The array held in a local: value_unsafe() of a temporary result would dangle.
    const simdjson::dom::array array = e_.get_array().value_unsafe();
    for (const simdjson::dom::element e : array) {
      if (!f(SimdjsonValue(e))) return false;
    }
    return true;
  }

 private:
  simdjson::dom::element e_;
};

// Parses `text` and reads it with `read`; the parser is kept per thread, with its buffers.
template <typename T>
Result<T> ReadDocument(std::string_view text, const char* what,
                       Result<T> (*read)(const SimdjsonValue&)) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const simdjson::error_code e = parser.parse(text.data(), text.size()).get(root);
      e != simdjson::SUCCESS) {
    return InvalidArgument(
        "", std::string("the stored ") + what + " is not JSON: " + simdjson::error_message(e));
  }
  return read(SimdjsonValue(root));
}

// {"en":...,"nl":...}: "en" only when there is an English text, as ToJson writes it.
void WriteLocalized(JsonText& w, const char* key, const LocalizedText& t) {
  w.Key(key).BeginObject();
  if (!t.en.empty()) w.Key("en").String(t.en);
  w.Key("nl").String(t.nl).EndObject();
}

}  // namespace

// The keys below are in byte order, as in a nlohmann object (a std::map); the test compares
// with ToJson(course).dump() for thousands of random courses, so a key out of place fails it.
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

Result<Course> CourseFromDocument(std::string_view text) {
  return ReadDocument<Course>(text, "course", &catalog_internal::ReadCourse<SimdjsonValue>);
}

Result<Offering> OfferingFromDocument(std::string_view text) {
  return ReadDocument<Offering>(text, "offering", &catalog_internal::ReadOffering<SimdjsonValue>);
}

}  // namespace verder
