#include "catalog/course_json.h"

#include <nlohmann/json.hpp>

#include "catalog/internal/course_reader.h"

namespace verder {
namespace {

using nlohmann::json;

json Localized(const LocalizedText& t) {
  json j = json::object();
  j["nl"] = t.nl;
  if (!t.en.empty()) j["en"] = t.en;
  return j;
}

// A nlohmann value as catalog_internal's readers take it (catalog/internal/course_reader.h).
class NlohmannValue {
 public:
  explicit NlohmannValue(const json& j) : j_(&j) {}
  bool IsObject() const { return j_->is_object(); }
  bool IsArray() const { return j_->is_array(); }
  bool IsString() const { return j_->is_string(); }
  bool IsInteger() const { return j_->is_number_integer(); }
  bool IsBool() const { return j_->is_boolean(); }
  bool IsNull() const { return j_->is_null(); }
  std::string_view Text() const { return j_->get_ref<const std::string&>(); }
  int64_t Integer() const { return j_->get<int64_t>(); }
  bool Boolean() const { return j_->get<bool>(); }
  std::optional<NlohmannValue> Member(const char* name) const {
    const auto it = j_->find(name);
    if (it == j_->end()) return std::nullopt;
    return NlohmannValue(*it);
  }
  template <typename F>
  bool Elements(F f) const {
    for (const json& e : *j_) {
      if (!f(NlohmannValue(e))) return false;
    }
    return true;
  }

 private:
  const json* j_;
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
  return catalog_internal::ReadProvider(NlohmannValue(j));
}

Result<Offering> OfferingFromJson(const json& j) {
  return catalog_internal::ReadOffering(NlohmannValue(j));
}

Result<Course> CourseFromJson(const json& j) {
  return catalog_internal::ReadCourse(NlohmannValue(j));
}

}  // namespace verder
