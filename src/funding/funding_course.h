// funding/funding_course.h — the facts about a course that decide who pays for it.
//
// The engine needs only a few facts of a course: its price in parts, whether that price includes
// VAT, the registers it is in, whether OCW recognises it, its NLQF and education level, and when
// it starts. FundingCourseFromCourse derives them from a catalogue course; tests and the golden
// cases build them directly.
//
//   FundingCourse c = FundingCourseFromCourse(course, offering.start);
//   std::vector<AnswerError> problems = ValidateFundingCourse(c);  // e.g. a negative cost part
//
// Plain values; copy freely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "core/money.h"
#include "funding/person.h"

namespace verder::funding {

struct CostParts {
  Cents registration_cents = 0;
  Cents tuition_cents = 0;
  Cents materials_cents = 0;
  Cents other_cents = 0;  // internet, a laptop and any other cost
  Cents Total() const { return registration_cents + tuition_cents + materials_cents + other_cents; }
};

// The cents of one part by its name in CostPartNames(); nullopt for an unknown name.
std::optional<Cents> CostPart(const CostParts& costs, std::string_view name);

struct FundingCourse {
  std::string id;
  // False when the source gives no price: nothing can be paid for certain and there is no net
  // cost, but the course is not free either.
  bool costs_stated = true;
  CostParts costs;
  // True: the parts are what a person pays and hold VAT at a rate between 0% and the standard
  // rate. False: the parts are the full price and hold no VAT.
  bool vat_included = true;
  std::vector<std::string> registers;  // RegisterValues(): "stap", "nl-leert-door", "crebo", ...
  bool recognised_ocw = false;
  std::optional<int> nlqf;         // 1-8; nullopt when not placed on the NLQF
  std::string level = "none";      // CourseLevelValues()
  std::string sector = "unknown";  // SectorValues()
  std::optional<Date> start_date;  // nullopt: not known (e.g. start any time)
};

// Every problem with the course facts, with fields such as "course.costs_cents.tuition".
std::vector<AnswerError> ValidateFundingCourse(const FundingCourse& course);

// The funding facts of a catalogue course: funding flags become registers and recognitions,
// costs.stated == false becomes "no known price", prices excluding VAT get the standard rate
// added (what the person pays), and the catalogue's sector label is mapped to a sector name when
// it is one we know ("unknown" otherwise: a sector is never guessed).
FundingCourse FundingCourseFromCourse(const Course& course,
                                      std::optional<Date> start_date = std::nullopt);

// A stored course as funding sees it on `as_of`: starting at its next open offering (the start
// the search index and every page use), so all places that show a net cost agree.
FundingCourse FundingCourseOnDay(const Course& course, const std::vector<Offering>& offerings,
                                 Date as_of);

// The parts of FundingCourseFromCourse that a search index applies to its own columns, so the
// two never disagree: what the person pays per part (VAT added to prices without it), and the
// NLQF level when the course is placed.
struct PaidCosts {
  CostParts parts;
  bool vat_included = true;
};
PaidCosts PaidCostsOf(const CostBreakdown& costs);
std::optional<int> PlacedNlqf(uint32_t funding_flags, int nlqf);

}  // namespace verder::funding
