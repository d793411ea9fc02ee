#include "funding/funding_course.h"

#include <array>
#include <utility>

#include "funding/vocabulary.h"

namespace verder::funding {
namespace {

// The Dutch standard VAT rate the catalogue assumes for prices given without VAT (course.h).
constexpr Cents kStandardVatPercent = 21;

Cents WithStandardVat(Cents cents) { return (cents * (100 + kStandardVatPercent) + 50) / 100; }

std::string LevelOf(Level level) {
  switch (level) {
    case Level::kNone:
      return "none";
    case Level::kMbo1:
      return "mbo-1";
    case Level::kMbo2:
      return "mbo-2";
    case Level::kMbo3:
      return "mbo-3";
    case Level::kMbo4:
      return "mbo-4";
    case Level::kHboAssociate:
    case Level::kHboBachelor:
    case Level::kHboMaster:
      return "hbo";
    case Level::kWoBachelor:
    case Level::kWoMaster:
      return "wo";
  }
  return "other";
}

// Catalogue sector labels (as the demo catalogue and feeds write them) that name one sector.
std::string SectorOf(std::string_view label) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kLabels{{
      {"Cultuur", "culture"},
      {"Zorg en welzijn", "care-welfare"},
      {"Kinderopvang", "childcare"},
      {"ICT", "ict"},
      {"Bouw en infra", "construction-infra"},
      {"Horeca", "hospitality"},
      {"Onderwijs", "education"},
      {"Logistiek", "transport-logistics"},
      {"Overheid", "public"},
      {"Metaal", "metal"},
  }};
  for (const auto& [from, to] : kLabels) {
    if (label == from) return std::string(to);
  }
  return "unknown";
}

AnswerError CourseProblem(std::string field, std::string nl, std::string en) {
  return AnswerError{std::move(field), AnswerErrorCode::kInvalid, {std::move(nl), std::move(en)}};
}

}  // namespace

std::optional<Cents> CostPart(const CostParts& costs, std::string_view name) {
  if (name == "registration") return costs.registration_cents;
  if (name == "tuition") return costs.tuition_cents;
  if (name == "materials") return costs.materials_cents;
  if (name == "other") return costs.other_cents;
  return std::nullopt;
}

std::vector<AnswerError> ValidateFundingCourse(const FundingCourse& course) {
  std::vector<AnswerError> out;
  if (course.costs_stated) {
    for (const std::string& part : CostPartNames()) {
      if (CostPart(course.costs, part).value_or(0) < 0) {
        out.push_back(CourseProblem("course.costs_cents." + part,
                                    "Een deel van de prijs is kleiner dan 0. Dat kan niet.",
                                    "A part of the price is less than 0, which is impossible."));
      }
    }
  }
  for (const std::string& r : course.registers) {
    if (!IsAllowed(RegisterValues(), r)) {
      out.push_back(CourseProblem("course.registers", "Dit register kennen we niet: " + r + ".",
                                  "This register is unknown: " + r + "."));
    }
  }
  if (course.nlqf.has_value() && (*course.nlqf < 1 || *course.nlqf > 8)) {
    out.push_back(CourseProblem("course.nlqf", "Een NLQF-niveau loopt van 1 tot en met 8.",
                                "An NLQF level runs from 1 to 8."));
  }
  if (!IsAllowed(CourseLevelValues(), course.level)) {
    out.push_back(CourseProblem("course.level", "Dit niveau kennen we niet: " + course.level + ".",
                                "This level is unknown: " + course.level + "."));
  }
  if (!IsAllowed(SectorValues(), course.sector)) {
    out.push_back(CourseProblem("course.sector",
                                "Deze sector kennen we niet: " + course.sector + ".",
                                "This sector is unknown: " + course.sector + "."));
  }
  return out;
}

FundingCourse FundingCourseOnDay(const Course& course, const std::vector<Offering>& offerings,
                                 Date as_of) {
  return FundingCourseFromCourse(course, NextStartOf(offerings, as_of));
}

PaidCosts PaidCostsOf(const CostBreakdown& costs) {
  PaidCosts out;
  out.parts = {costs.registration_cents, costs.tuition_cents, costs.materials_cents,
               costs.other_cents};
  if (costs.vat_exempt) {
    out.vat_included = false;  // no VAT at all: the parts are the full price
  } else if (!costs.vat_included) {
    // VAT comes on top of these prices; what the person pays includes it.
    out.parts = {
        WithStandardVat(out.parts.registration_cents), WithStandardVat(out.parts.tuition_cents),
        WithStandardVat(out.parts.materials_cents), WithStandardVat(out.parts.other_cents)};
    out.vat_included = true;
  }
  return out;
}

std::optional<int> PlacedNlqf(uint32_t funding_flags, int nlqf) {
  if ((funding_flags & kFundingNlqfPlaced) != 0 && nlqf >= 1 && nlqf <= 8) return nlqf;
  return std::nullopt;
}

FundingCourse FundingCourseFromCourse(const Course& course, std::optional<Date> start_date) {
  FundingCourse out;
  out.id = std::to_string(course.id);
  out.costs_stated = course.costs.stated;
  const PaidCosts paid = PaidCostsOf(course.costs);
  out.costs = paid.parts;
  out.vat_included = paid.vat_included;
  if ((course.funding_flags & kFundingStapRegister) != 0) out.registers.emplace_back("stap");
  if ((course.funding_flags & kFundingLlkEligible) != 0) out.registers.emplace_back("llk");
  if ((course.funding_flags & kFundingSectorRecognised) != 0) {
    out.registers.emplace_back("sector-recognised");
  }
  if (course.primary_code.type == "crebo" || course.primary_code.type == "croho") {
    out.registers.push_back(course.primary_code.type);
  }
  out.recognised_ocw = (course.funding_flags & kFundingOcwRecognised) != 0;
  out.nlqf = PlacedNlqf(course.funding_flags, course.nlqf);
  out.level = LevelOf(course.level);
  out.sector = SectorOf(course.sector);
  out.start_date = start_date;
  return out;
}

}  // namespace verder::funding
