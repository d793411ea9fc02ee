// funding/scheme.h — a funding scheme as data: who it is for, what it pays, when it is valid.
//
// Every scheme is one file in data/schemes/ (read by funding/scheme_loader.h), edited by people,
// and evaluated by the small engine in funding/engine.h. Nothing about a particular scheme lives
// in code: its target group is a list of criteria over named fields (funding/vocabulary.h), its
// money is a share of named cost parts under ceilings per period, and its relation to other
// schemes is a list of stacking rules. Every rule carries the source sentence it follows from.
//
//   const Scheme& s = engine.schemes()[0];
//   s.name.nl == "STAP-budget"; s.valid_to == 2023-12-31; s.payment.kind == PaymentKind::kCourse
//
// Plain values; copy freely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "core/money.h"

namespace verder::funding {

enum class Verdict {
  kYes,    // applies on the day asked; a paying scheme pays what is shown
  kNo,     // does not apply: outside the target group, not yet started, budget used up
  kMaybe,  // depends on something the answers or the sources do not decide; never pays
  kEnded,  // the scheme's last day is before the day asked; never pays
};

const char* VerdictName(Verdict verdict);  // "yes", "no", "maybe", "ended"

// Where a rule comes from: a line of a source document (grep -n numbering) and words on it.
struct SourceRef {
  std::string file;  // a file in the shared seeds folder, or "DOMAIN.md"
  int line = 0;
  std::string quote;  // an exact part of that line
  std::string note;   // why the rule reads the sentence this way, when that is not obvious
};

struct NumberRange {
  std::optional<int64_t> min;  // inclusive; nullopt: no lower bound
  std::optional<int64_t> max;  // inclusive; nullopt: no upper bound
  bool Contains(int64_t v) const { return (!min || v >= *min) && (!max || v <= *max); }
};

// One condition. Its outcome is yes, no or maybe; a scheme's conditions all have to hold.
struct Criterion {
  enum class Kind {
    // A person's answer or a course fact (vocabulary.h): values in `yes_values`/`yes_range` say
    // yes, those in `maybe_values`/`maybe_range` say maybe, any other value says no. "*" in
    // `yes_values` accepts every valid answer. An unanswered or wrong answer says maybe.
    kField,
    kAnyOf,           // the best outcome of `any_of` (yes over maybe over no)
    kMinCostExclVat,  // the course's total excluding VAT is at least `min_cents`
    kStartWindow,     // the course starts within `months_before`/`months_after` of the day asked
    kNotAsked,        // depends on `question`, which the questions do not ask: always maybe
  };
  Kind kind = Kind::kField;
  std::string field;
  std::vector<std::string> yes_values;  // text fields; booleans as "true"/"false"
  std::vector<std::string> maybe_values;
  std::optional<NumberRange> yes_range;  // number fields
  std::optional<NumberRange> maybe_range;
  std::vector<Criterion> any_of;
  Cents min_cents = 0;
  int max_vat_percent = 0;  // the highest VAT rate a price including VAT may hold
  int months_before = 0;
  int months_after = 0;
  std::string question;  // kNotAsked: what we would need to know, e.g. "student_finance"
  LocalizedText reason_no;
  LocalizedText reason_maybe;
  std::vector<SourceRef> sources;

  bool about_course() const;  // needs a course to be decided
};

// A share of the costs, for those the `when` criteria and dates select (first match wins).
struct ShareRule {
  std::vector<Criterion> when;
  std::optional<Date> from;  // inclusive, on the day asked
  std::optional<Date> to;    // inclusive
  int64_t numerator = 1;
  int64_t denominator = 1;
  std::vector<SourceRef> sources;
};

enum class Period { kCalendarYear, kRolling12Months };

// At most `cents` per period, minus what the person already received (the answer `used_answer`).
struct Ceiling {
  Period period = Period::kCalendarYear;
  Cents cents = 0;
  // "used_this_year_cents" (the entry for this scheme) or "ppo_cofinanced_last_12m_cents".
  std::string used_answer;
  LocalizedText reason_used_up;
  std::vector<SourceRef> sources;
};

enum class PaymentKind {
  kCourse,        // pays a share of the course's costs: lowers the net cost
  kUnpublished,   // may pay, but the amounts or the decision are not public: at best maybe
  kLoan,          // lends money: spreads the cost, never lowers the net cost
  kTaxDeduction,  // lowers tax depending on income: never lowers the net cost
  kAdvice,        // a free or paid service, not money for a course
  kCompartment,   // a part of another scheme's money (`compartment_of`), never paid on its own
};

struct Payment {
  PaymentKind kind = PaymentKind::kAdvice;
  std::vector<std::string> cost_parts;  // kCourse: the parts it pays towards
  std::vector<ShareRule> shares;        // kCourse
  std::vector<Ceiling> ceilings;        // kCourse
  std::string compartment_of;           // kCompartment
  Cents value_cents = 0;                // kAdvice: what the service is worth, 0 when free
  LocalizedText reason;                 // kUnpublished: why the answer stays maybe
  std::vector<SourceRef> sources;
};

struct StackingRule {
  enum class Kind {
    kNotWith,          // pays nothing for a course one of `schemes` already pays for
    kUndecidedWith,    // the sources do not say: maybe when one of `schemes` pays
    kOthersOnlyAbove,  // while this scheme pays, schemes of `funders` only pay above `cents`
  };
  Kind kind = Kind::kNotWith;
  std::vector<std::string> schemes;
  std::vector<std::string> funders;
  Cents cents = 0;
  LocalizedText reason;
  std::vector<SourceRef> sources;
};

// A scheme id: a-z, 0-9, '-' and ':' ("stap-budget", "sector-fund:metal"), at most 80 long.
constexpr size_t kMaxSchemeIdLength = 80;
bool IsSchemeId(std::string_view id);

struct Scheme {
  std::string id;    // "stap-budget", "sector-fund:metal"
  std::string file;  // the file it was read from, for messages
  // The definition as JSON, keys sorted: served as open data, stored when published.
  std::string definition;
  LocalizedText name;
  LocalizedText goal;
  LocalizedText operator_name;  // who runs it
  std::string apply_url;        // https; empty when no single place to apply is known
  std::string funder;           // "public", "private" or "regional"
  std::string sector;           // the one sector it serves, empty when not sector-bound
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // inclusive: the last day it applies
  std::vector<SourceRef> validity_sources;
  std::vector<Criterion> criteria;
  Payment payment;
  std::vector<StackingRule> stacking;
  int pay_order = 100;  // lower pays first when several pay for one course
  LocalizedText reason_yes;
  LocalizedText obligations;
};

}  // namespace verder::funding
