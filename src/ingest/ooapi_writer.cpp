#include "ingest/ooapi_writer.h"

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "ingest/internal/ooapi_names.h"

namespace verder {
namespace {

using ingest_internal::OoapiCodeType;
using ingest_internal::OoapiLanguage;
using ingest_internal::OoapiLevel;
using ingest_internal::OoapiLevelIsAmbiguous;
using ingest_internal::OoapiMode;
using nlohmann::json;

json Tagged(const LocalizedText& text) {
  json list = json::array();
  if (!text.nl.empty()) list.push_back({{"language", "nl-NL"}, {"value", text.nl}});
  if (!text.en.empty()) list.push_back({{"language", "en-GB"}, {"value", text.en}});
  return list;
}

json CourseExt(const Course& c) {
  json ext = json::object();
  // OOAPI's "bachelor" and "master" do not say hbo or wo; our level does.
  if (OoapiLevelIsAmbiguous(c.level)) ext["level"] = LevelName(c.level);
  if (c.nlqf > 0) ext["nlqf"] = c.nlqf;
  if (!c.sector.empty()) ext["sector"] = c.sector;
  if (!c.skills.empty()) ext["skills"] = c.skills;
  if (!c.occupations.empty()) ext["occupations"] = c.occupations;
  if (!c.follow_up.empty()) ext["followUp"] = c.follow_up;
  if (!c.quality_marks.empty()) ext["qualityMarks"] = c.quality_marks;
  if (c.funding_flags != 0) ext["funding"] = FundingFlagNames(c.funding_flags);
  if (c.credential != Credential::kNone) ext["credential"] = CredentialName(c.credential);
  if (c.pe_points > 0) ext["pePoints"] = c.pe_points;
  if (c.theory_percent >= 0) ext["theoryPercent"] = c.theory_percent;
  if (!c.goal.nl.empty() || !c.goal.en.empty()) ext["goal"] = Tagged(c.goal);
  if (c.costs.stated) {
    ext["costs"] = {{"registration", FormatEurosPlain(c.costs.registration_cents)},
                    {"tuition", FormatEurosPlain(c.costs.tuition_cents)},
                    {"materials", FormatEurosPlain(c.costs.materials_cents)},
                    {"other", FormatEurosPlain(c.costs.other_cents)},
                    {"vatIncluded", c.costs.vat_included},
                    {"vatExempt", c.costs.vat_exempt}};
  }
  if (c.status != CourseStatus::kActive) ext["status"] = CourseStatusName(c.status);
  if (c.is_demo) ext["demo"] = true;
  if (c.id != 0) ext["verderId"] = c.id;  // for links to our course page; never read back
  return ext;
}

// The enrolment address every offering shares, or "" when they differ.
std::string CommonLink(const std::vector<Offering>& offerings) {
  if (offerings.empty()) return "";
  for (const Offering& o : offerings) {
    if (o.enrol_url != offerings[0].enrol_url) return "";
  }
  return offerings[0].enrol_url;
}

}  // namespace

json OoapiOfferingJson(const Offering& o, const Course& course) {
  json j = {{"offeringId", o.external_id},
            {"primaryCode", {{"codeType", "offeringCode"}, {"code", o.external_id}}},
            {"offeringType", "course"},
            {"name", Tagged(course.title)},
            {"description", json::array()},  // the course carries it; no need to repeat it
            {"teachingLanguage", OoapiLanguage(course.language)},
            {"resultExpected", course.credential != Credential::kNone}};
  if (o.start) j["startDate"] = o.start->ToString();
  if (o.end) j["endDate"] = o.end->ToString();
  if (!o.location.postcode.empty() || !o.location.place.empty() || !o.location.address.empty()) {
    json address = {{"addressType", "teaching"}, {"countryCode", "NL"}};
    if (!o.location.address.empty()) address["street"] = o.location.address;
    if (!o.location.postcode.empty()) address["postalCode"] = o.location.postcode;
    if (!o.location.place.empty()) address["city"] = o.location.place;
    j["addresses"] = json::array({address});
  }
  if (o.price_cents || course.costs.stated) {
    const Cents total = o.price_cents.value_or(course.costs.Total());
    j["priceInformation"] = json::array(
        {{{"costType", "total costs"}, {"amount", FormatEurosPlain(total)}, {"currency", "EUR"}}});
  }
  if (o.seats > 0) j["maxNumberStudents"] = o.seats;
  if (!o.enrol_url.empty()) j["link"] = o.enrol_url;
  j["registrationStatus"] = o.status == OfferingStatus::kOpen ? "open" : "closed";
  json ext = json::object();
  if (o.daypart != Daypart::kAny) ext["daypart"] = DaypartName(o.daypart);
  if (o.status == OfferingStatus::kCancelled) ext["status"] = OfferingStatusName(o.status);
  if (!ext.empty()) j["ext"] = std::move(ext);
  return j;
}

json OoapiCourseJson(const CourseRecord& record) {
  const Course& c = record.course;
  const std::string code = c.primary_code.code.empty() ? c.external_id : c.primary_code.code;
  json j = {{"courseId", c.external_id},
            {"primaryCode", {{"codeType", OoapiCodeType(c.primary_code, c.level)}, {"code", code}}},
            {"name", Tagged(c.title)},
            {"abbreviation", code},
            {"description", Tagged(c.description)},
            {"teachingLanguage", OoapiLanguage(c.language)},
            {"level", OoapiLevel(c.level)},
            {"modeOfDelivery", json::array({OoapiMode(c.mode)})}};
  if (c.study_load_hours > 0) {
    j["studyLoad"] = {{"studyLoadUnit", "hour"}, {"value", c.study_load_hours}};
  }
  if (c.duration_weeks > 0) j["duration"] = "P" + std::to_string(c.duration_weeks) + "W";
  if (!c.prerequisites.nl.empty() || !c.prerequisites.en.empty()) {
    j["admissionRequirements"] = Tagged(c.prerequisites);
  }
  if (!c.exam.empty()) j["assessment"] = Tagged({c.exam, ""});
  if (const std::string link = CommonLink(record.offerings); !link.empty()) j["link"] = link;
  if (!record.provider.key.empty()) j["organization"] = record.provider.key;
  j["ext"] = CourseExt(c);
  json offerings = json::array();
  for (const Offering& o : record.offerings) offerings.push_back(OoapiOfferingJson(o, c));
  j["offerings"] = std::move(offerings);
  return j;
}

}  // namespace verder
