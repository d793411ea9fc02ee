// funding/net_cost_calculator.h — one person's net cost of many courses, fast enough for search.
//
// FundingEngine::NetCost explains itself: it writes a reason for every scheme, which is what a
// course page needs but far too slow for filtering ("costs me at most €X") and sorting thousands
// of search hits. A NetCostCalculator is made once per request, for one person and one day: it
// decides up front everything that does not depend on the course (the person's answers, budget
// left, which schemes run on that day) and keeps, for the few schemes that could still pay, only
// the course tests that remain, as bit masks and numbers. NetCostCents then gives exactly
// `engine.NetCost(person, course, as_of).net_cost_cents`, without texts and without allocating.
//
//   const NetCostCalculator calc = engine.PrepareNetCost(person, today);
//   std::optional<Cents> net = calc.NetCostCents(funding_course);  // nullopt: no known price
//   // or, from per-document columns, without building a FundingCourse:
//   CourseFundingFacts f;
//   f.tuition_cents = total;  // when !(calc.facts_used() & kFactCostParts), any split will do
//   f.registers = register_bits_by_flags[funding_flags];  // a table from RegisterBitsFromFlags
//   f.start_days = start_days;
//   net = calc.NetCostCents(f);
//
// facts_used() says which course facts the answer can depend on for this person and day, and
// may_pay() whether any scheme can pay at all; a caller holding only some facts (a search index's
// columns) can tell whether they suffice.
//
// Thread-safety: immutable after construction; call it from any thread. It refers to the engine
// (for the rare fallback below), which must outlive it.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "core/money.h"
#include "funding/funding_course.h"
#include "funding/person.h"
#include "funding/scheme.h"

namespace verder::funding {

class FundingEngine;
namespace internal {
struct Context;
}  // namespace internal

// Start day of a course that starts any time or whose start is not known; the same value as the
// search index's kStartAnyTime, so its offering_start column can be passed as it is.
constexpr int32_t kNoStartDay = std::numeric_limits<int32_t>::min();

// A course's funding facts as plain numbers (FundingCourse without strings). Values outside the
// ranges below count as input errors, as FundingCourse values outside the vocabulary do: the
// criteria that read them say maybe, so they never pay.
struct CourseFundingFacts {
  bool costs_stated = true;  // false: no known price, so no net cost
  Cents registration_cents = 0;
  Cents tuition_cents = 0;
  Cents materials_cents = 0;
  Cents other_cents = 0;
  bool vat_included = true;  // as FundingCourse::vat_included
  uint32_t registers = 0;    // bit i: RegisterValues()[i]; a higher bit: a register we do not know
  bool recognised_ocw = false;
  int nlqf = 0;                      // 1-8; 0: not placed on the NLQF
  int level = 0;                     // index in CourseLevelValues() (0 is "none")
  int sector = -1;                   // index in SectorValues(); -1 (like "unknown"): not known
  int32_t start_days = kNoStartDay;  // days since 1970-01-01 (Date::days_since_epoch)
  bool operator==(const CourseFundingFacts&) const = default;
};

// The facts of `course` as NetCostCents reads them. Allocates nothing.
CourseFundingFacts CourseFundingFactsOf(const FundingCourse& course);

// For turning a search index's columns into facts, through FundingCourseFromCourse itself so the
// two can never disagree. Each builds a course: meant for a table made once, not for every
// document.
// CourseLevelValues() index of a catalogue level.
int FundingLevelIndex(Level level);
// CourseFundingFacts::registers of a catalogue course's FundingFlag bits and primary code type.
uint32_t RegisterBitsFromFlags(uint32_t funding_flags, std::string_view primary_code_type = {});

// Course facts a net cost can depend on for one person and day, beyond whether the price is known
// and what it totals: a caller holding only some of them (a search index's columns) can see
// whether they suffice.
enum CourseFact : uint32_t {
  kFactCostParts = 1U << 0,  // a scheme that may pay counts only some cost parts
  kFactVat = 1U << 1,        // vat_included
  kFactRegisters = 1U << 2,
  kFactRecognisedOcw = 1U << 3,
  kFactNlqf = 1U << 4,
  kFactLevel = 1U << 5,
  kFactSector = 1U << 6,
  kFactStartDate = 1U << 7,
};

class NetCostCalculator {
 public:
  // As FundingEngine::PrepareNetCost; `as_of` nullopt is a day that does not exist (every scheme
  // the date decides is then maybe). Prefer the engine's methods.
  NetCostCalculator(const FundingEngine& engine, const Person& person, std::optional<Date> as_of);

  // Exactly engine.NetCost(person, course, as_of).net_cost_cents.
  std::optional<Cents> NetCostCents(const FundingCourse& course) const;
  // The same for a course given as numbers.
  std::optional<Cents> NetCostCents(const CourseFundingFacts& course) const;

  uint32_t facts_used() const { return facts_used_; }  // CourseFact bits
  // False: no scheme can pay for any course, so the net cost is the total wherever it is known.
  bool may_pay() const { return fallback_ || !payers_.empty(); }

 private:
  // A course test left after the person and the day are decided; a tree of these per criterion.
  struct Node {
    enum class Kind : uint8_t {
      kConst,        // decided already: `verdict`
      kRegisters,    // any register in `yes` (or `any_value`), else any in `maybe`, else no
      kOcw,          // bit 0 false, bit 1 true
      kNlqf,         // bit n: NLQF n (1-8); not placed says no
      kLevel,        // bit i: CourseLevelValues()[i]
      kSector,       // bit i: SectorValues()[i]
      kAnyOf,        // children_[first, first + count)
      kMinCost,      // total excluding VAT at least `min_cents`, VAT up to `max_vat_percent`
      kStartWindow,  // start day within [first_day, last_day]
    };
    Kind kind = Kind::kConst;
    Verdict verdict = Verdict::kYes;
    bool any_value = false;  // kRegisters: "*" says yes, even for a course in no register
    uint32_t valid = 0;      // value fields: the bits of values without an input error
    uint32_t yes = 0;
    uint32_t maybe = 0;
    uint32_t first = 0;
    uint32_t count = 0;
    Cents min_cents = 0;
    int64_t max_vat_percent = 0;
    int32_t first_day = 0;
    int32_t last_day = 0;
  };

  // A share rule as the day leaves it: `stop` when reaching it makes the scheme maybe.
  struct Share {
    bool stop = false;
    bool never = false;       // a `when` criterion already says no: only a maybe can come from it
    uint32_t when_begin = 0;  // roots_[when_begin, when_end): all must say yes
    uint32_t when_end = 0;
    int64_t numerator = 1;
    int64_t denominator = 1;
  };

  // While its owner pays, schemes of `funders` (bits of payers) only pay above `cents`.
  struct AboveRule {
    Cents cents = 0;
    uint64_t funders = 0;
  };

  // A course-paying scheme that says yes for this person and day when its course tests do.
  struct Payer {
    uint32_t criteria_begin = 0;  // roots_[criteria_begin, criteria_end): all must say yes
    uint32_t criteria_end = 0;
    uint32_t shares_begin = 0;  // shares_[shares_begin, shares_end)
    uint32_t shares_end = 0;
    uint32_t above_begin = 0;  // above_[above_begin, above_end)
    uint32_t above_end = 0;
    uint64_t conflicts = 0;      // payers it may not (or might not) stack with
    std::optional<Cents> left;   // budget left under its ceilings
    std::array<int, 4> parts{};  // how often it counts registration, tuition, materials, other
  };

  // Bits (at most 64 payers) keep the stacking per course free of allocation.
  static constexpr size_t kMaxPayers = 64;

  uint32_t Compile(const Criterion& criterion, const internal::Context& ctx);
  uint32_t CompileField(const Criterion& criterion);
  uint32_t Constant(Verdict verdict);
  void Link(const std::vector<size_t>& payer_schemes);
  uint32_t FactsRead(uint32_t node) const;  // CourseFact bits
  Verdict Eval(uint32_t node, const CourseFundingFacts& c, Cents total) const;
  std::optional<Cents> Amount(const Payer& p, const CourseFundingFacts& c, Cents total) const;

  const FundingEngine* engine_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;  // kAnyOf children, by node index
  std::vector<uint32_t> roots_;     // criteria of payers and shares, by node index
  std::vector<Share> shares_;
  std::vector<AboveRule> above_;
  std::vector<Payer> payers_;  // in paying order
  uint32_t facts_used_ = 0;
  // Set when the data hold something this calculator does not compile (more payers than bits):
  // it then asks the engine itself, slowly but exactly.
  bool fallback_ = false;
  Person person_;  // only kept for the fallback
  std::string as_of_text_;
};

}  // namespace verder::funding
