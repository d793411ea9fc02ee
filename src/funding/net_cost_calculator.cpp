#include "funding/net_cost_calculator.h"

#include <algorithm>
#include <bit>

#include "funding/engine.h"
#include "funding/internal/criteria.h"
#include "funding/internal/evaluate.h"
#include "funding/internal/facts.h"
#include "funding/vocabulary.h"

namespace verder::funding {
namespace {

int IndexOf(const std::vector<std::string>& values, std::string_view value) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) return static_cast<int>(i);
  }
  return -1;
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

uint32_t Bit(int index) { return index >= 0 && index < 32 ? 1U << index : 0; }

// Any register outside RegisterValues(): the bit FundingCourse's unknown registers become.
constexpr uint32_t kUnknownRegisterBit = 1U << 31;

// The same rules as internal/stacking.cpp, which keeps them private: a pair rule between two
// schemes holds from whichever file it is written in.
bool Names(const StackingRule& rule, const std::string& id) { return Contains(rule.schemes, id); }

bool PairRule(const Scheme& a, const Scheme& b) {
  for (const StackingRule& r : a.stacking) {
    if (r.kind != StackingRule::Kind::kOthersOnlyAbove && Names(r, b.id)) return true;
  }
  for (const StackingRule& r : b.stacking) {
    if (r.kind != StackingRule::Kind::kOthersOnlyAbove && Names(r, a.id)) return true;
  }
  return false;
}

bool InDates(const ShareRule& share, Date as_of) {
  return (!share.from || as_of >= *share.from) && (!share.to || as_of <= *share.to);
}

// Facts of `course`, only those in `which` (CourseFact bits) beyond the price: the string
// look-ups are most of the cost of a call with a FundingCourse.
CourseFundingFacts FactsOfCourse(const FundingCourse& course, uint32_t which) {
  CourseFundingFacts f;
  f.costs_stated = course.costs_stated;
  f.registration_cents = course.costs.registration_cents;
  f.tuition_cents = course.costs.tuition_cents;
  f.materials_cents = course.costs.materials_cents;
  f.other_cents = course.costs.other_cents;
  f.vat_included = course.vat_included;
  f.recognised_ocw = course.recognised_ocw;
  if ((which & kFactRegisters) != 0) {
    for (const std::string& r : course.registers) {
      const int i = IndexOf(RegisterValues(), r);
      f.registers |= i >= 0 && i < 31 ? Bit(i) : kUnknownRegisterBit;
    }
  }
  if (course.nlqf) f.nlqf = *course.nlqf >= 1 && *course.nlqf <= 8 ? *course.nlqf : -1;
  if ((which & kFactLevel) != 0) f.level = IndexOf(CourseLevelValues(), course.level);
  if ((which & kFactSector) != 0) f.sector = IndexOf(SectorValues(), course.sector);
  if (course.start_date) f.start_days = course.start_date->days_since_epoch();
  return f;
}

// The FundingCourse the engine would see for `f` (the fallback path only).
FundingCourse CourseOf(const CourseFundingFacts& f) {
  FundingCourse c;
  c.costs_stated = f.costs_stated;
  c.costs = {f.registration_cents, f.tuition_cents, f.materials_cents, f.other_cents};
  c.vat_included = f.vat_included;
  const std::vector<std::string>& registers = RegisterValues();
  for (size_t i = 0; i < 32; ++i) {
    if ((f.registers & (1U << i)) == 0) continue;
    c.registers.push_back(i < registers.size() ? registers[i] : "?");
  }
  c.recognised_ocw = f.recognised_ocw;
  if (f.nlqf != 0) c.nlqf = f.nlqf;
  const auto pick = [](const std::vector<std::string>& values, int i) {
    return i >= 0 && static_cast<size_t>(i) < values.size() ? values[static_cast<size_t>(i)]
                                                            : std::string("?");
  };
  c.level = pick(CourseLevelValues(), f.level);
  c.sector = f.sector == -1 ? "unknown" : pick(SectorValues(), f.sector);
  if (f.start_days != kNoStartDay) c.start_date = Date::FromDays(f.start_days);
  return c;
}

Verdict Best(Verdict a, Verdict b) {
  if (a == Verdict::kYes || b == Verdict::kYes) return Verdict::kYes;
  if (a == Verdict::kMaybe || b == Verdict::kMaybe) return Verdict::kMaybe;
  return Verdict::kNo;
}

}  // namespace

CourseFundingFacts CourseFundingFactsOf(const FundingCourse& course) {
  return FactsOfCourse(course, ~0U);
}

int FundingLevelIndex(Level level) {
  Course c;
  c.level = level;
  return IndexOf(CourseLevelValues(), FundingCourseFromCourse(c).level);
}

uint32_t RegisterBitsFromFlags(uint32_t funding_flags, std::string_view primary_code_type) {
  Course c;
  c.funding_flags = funding_flags;
  c.primary_code.type = std::string(primary_code_type);
  return CourseFundingFactsOf(FundingCourseFromCourse(c)).registers;
}

NetCostCalculator::NetCostCalculator(const FundingEngine& engine, const Person& person,
                                     std::optional<Date> as_of)
    : engine_(&engine) {
  // The same errors the engine sees, so a wrong answer reads as wrong here too.
  std::vector<AnswerError> errors;
  if (!as_of) errors.push_back({"as_of", AnswerErrorCode::kInvalid, {}});
  const std::vector<AnswerError> person_errors = ValidatePerson(person);
  errors.insert(errors.end(), person_errors.begin(), person_errors.end());
  const internal::Facts facts(person, nullptr, errors);
  const internal::Context ctx{facts, as_of};

  // Only course payments with a yes lower the net cost, in pay_order (stable, as the engine).
  const std::vector<Scheme>& schemes = engine.schemes();
  std::vector<size_t> order;
  for (size_t i = 0; i < schemes.size(); ++i) {
    if (schemes[i].payment.kind == PaymentKind::kCourse) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return schemes[a].pay_order < schemes[b].pay_order; });
  std::vector<size_t> payer_schemes;
  for (const size_t i : order) {
    const Scheme& s = schemes[i];
    // Without a course the engine decides the day, the person's criteria and the ceilings; a
    // course can only add conditions, so anything but yes here never pays.
    const internal::Evaluation e = internal::EvaluateScheme(s, ctx);
    if (e.verdict != Verdict::kYes) continue;
    const size_t roots_mark = roots_.size();
    const size_t shares_mark = shares_.size();
    Payer p;
    p.criteria_begin = static_cast<uint32_t>(roots_.size());
    bool can_pay = true;
    for (const Criterion& c : s.criteria) {
      if (!c.about_course()) continue;  // part of `e`
      const uint32_t n = Compile(c, ctx);
      if (nodes_[n].kind != Node::Kind::kConst) {
        roots_.push_back(n);
      } else if (nodes_[n].verdict != Verdict::kYes) {
        can_pay = false;
        break;
      }
    }
    p.criteria_end = static_cast<uint32_t>(roots_.size());
    // The shares as the day leaves them, mirroring PickShare: the first that applies counts, and
    // a maybe on the way makes the scheme maybe.
    p.shares_begin = static_cast<uint32_t>(shares_.size());
    for (const ShareRule& share : s.payment.shares) {
      if (!can_pay) break;
      const bool dated = share.from || share.to;
      if (dated && !as_of) {
        shares_.push_back({.stop = true});
        break;
      }
      if (dated && !InDates(share, *as_of)) continue;
      Share out{.when_begin = static_cast<uint32_t>(roots_.size()),
                .numerator = share.numerator,
                .denominator = share.denominator};
      bool stop = false;
      for (const Criterion& c : share.when) {
        const uint32_t n = Compile(c, ctx);
        if (nodes_[n].kind != Node::Kind::kConst) {
          roots_.push_back(n);
        } else if (nodes_[n].verdict == Verdict::kMaybe) {
          stop = true;  // reached, this share always ends in maybe, whatever comes before it
        } else if (nodes_[n].verdict == Verdict::kNo) {
          out.never = true;
        }
      }
      if (stop) {
        roots_.resize(out.when_begin);
        shares_.push_back({.stop = true});
        break;
      }
      out.when_end = static_cast<uint32_t>(roots_.size());
      const bool unconditional = out.when_begin == out.when_end;
      if (out.never && unconditional) continue;  // neither applies nor says maybe
      shares_.push_back(out);
      if (unconditional) break;  // always applies: later shares are never reached
    }
    p.shares_end = static_cast<uint32_t>(shares_.size());
    // No share left, or a maybe before any: a yes for this scheme pays nothing for any course.
    if (can_pay && (p.shares_begin == p.shares_end || shares_[p.shares_begin].stop)) {
      can_pay = false;
    }
    if (!can_pay) {
      roots_.resize(roots_mark);
      shares_.resize(shares_mark);
      continue;
    }
    p.left = e.budget_left;
    for (const std::string& part : s.payment.cost_parts) {
      const int k = IndexOf(CostPartNames(), part);
      if (k >= 0 && k < 4) ++p.parts[static_cast<size_t>(k)];
    }
    payers_.push_back(p);
    payer_schemes.push_back(i);
  }
  if (payers_.size() > kMaxPayers) fallback_ = true;
  if (fallback_) {
    person_ = person;
    // Any text that is not a date gives the engine the same "as_of" error as the original.
    as_of_text_ = as_of ? as_of->ToString() : "not-a-date";
    facts_used_ = ~0U;
    return;
  }
  Link(payer_schemes);
}

// Stacking between the payers as bit masks, and which course facts the payers read.
void NetCostCalculator::Link(const std::vector<size_t>& payer_schemes) {
  const std::vector<Scheme>& schemes = engine_->schemes();
  for (size_t a = 0; a < payers_.size(); ++a) {
    const Scheme& sa = schemes[payer_schemes[a]];
    for (size_t b = 0; b < payers_.size(); ++b) {
      if (a != b && PairRule(sa, schemes[payer_schemes[b]])) payers_[a].conflicts |= 1ULL << b;
    }
    payers_[a].above_begin = static_cast<uint32_t>(above_.size());
    for (const StackingRule& r : sa.stacking) {
      if (r.kind != StackingRule::Kind::kOthersOnlyAbove) continue;
      AboveRule rule{.cents = r.cents};
      for (size_t k = 0; k < payers_.size(); ++k) {
        if (Contains(r.funders, schemes[payer_schemes[k]].funder)) rule.funders |= 1ULL << k;
      }
      above_.push_back(rule);
    }
    payers_[a].above_end = static_cast<uint32_t>(above_.size());
  }
  for (const Payer& p : payers_) {
    for (uint32_t r = p.criteria_begin; r < p.criteria_end; ++r)
      facts_used_ |= FactsRead(roots_[r]);
    for (uint32_t s = p.shares_begin; s < p.shares_end; ++s) {
      for (uint32_t r = shares_[s].when_begin; r < shares_[s].when_end; ++r) {
        facts_used_ |= FactsRead(roots_[r]);
      }
    }
    // Counting every part equally depends on the total only.
    if (std::any_of(p.parts.begin(), p.parts.end(), [&](int n) { return n != p.parts[0]; })) {
      facts_used_ |= kFactCostParts;
    }
  }
}

uint32_t NetCostCalculator::FactsRead(uint32_t node) const {
  const Node& n = nodes_[node];
  switch (n.kind) {
    case Node::Kind::kConst:
      return 0;
    case Node::Kind::kRegisters:
      return kFactRegisters;
    case Node::Kind::kOcw:
      return kFactRecognisedOcw;
    case Node::Kind::kNlqf:
      return kFactNlqf;
    case Node::Kind::kLevel:
      return kFactLevel;
    case Node::Kind::kSector:
      return kFactSector;
    case Node::Kind::kMinCost:
      return kFactVat;
    case Node::Kind::kStartWindow:
      return kFactStartDate;
    case Node::Kind::kAnyOf: {
      uint32_t out = 0;
      for (uint32_t i = n.first; i < n.first + n.count; ++i) out |= FactsRead(children_[i]);
      return out;
    }
  }
  return 0;
}

uint32_t NetCostCalculator::Constant(Verdict verdict) {
  nodes_.push_back({.kind = Node::Kind::kConst, .verdict = verdict});
  return static_cast<uint32_t>(nodes_.size() - 1);
}

uint32_t NetCostCalculator::Compile(const Criterion& c, const internal::Context& ctx) {
  // What does not read the course is decided now, by the engine's own code.
  if (!c.about_course()) return Constant(internal::Evaluate(c, ctx).verdict);
  switch (c.kind) {
    case Criterion::Kind::kField:
      return CompileField(c);
    case Criterion::Kind::kAnyOf: {
      // The best outcome of the members: a decided yes decides the group.
      std::vector<uint32_t> kids;
      bool maybe = false;
      for (const Criterion& member : c.any_of) {
        const uint32_t k = Compile(member, ctx);
        const Node& n = nodes_[k];
        if (n.kind != Node::Kind::kConst) {
          kids.push_back(k);
        } else if (n.verdict == Verdict::kYes) {
          return Constant(Verdict::kYes);
        } else if (n.verdict == Verdict::kMaybe) {
          maybe = true;
        }
      }
      if (kids.empty()) return Constant(maybe ? Verdict::kMaybe : Verdict::kNo);
      if (maybe) kids.push_back(Constant(Verdict::kMaybe));
      if (kids.size() == 1) return kids[0];
      Node n{.kind = Node::Kind::kAnyOf,
             .first = static_cast<uint32_t>(children_.size()),
             .count = static_cast<uint32_t>(kids.size())};
      children_.insert(children_.end(), kids.begin(), kids.end());
      nodes_.push_back(n);
      return static_cast<uint32_t>(nodes_.size() - 1);
    }
    case Criterion::Kind::kMinCostExclVat:
      nodes_.push_back({.kind = Node::Kind::kMinCost,
                        .min_cents = c.min_cents,
                        .max_vat_percent = c.max_vat_percent});
      return static_cast<uint32_t>(nodes_.size() - 1);
    case Criterion::Kind::kStartWindow: {
      if (!ctx.as_of) return Constant(Verdict::kMaybe);
      nodes_.push_back(
          {.kind = Node::Kind::kStartWindow,
           .first_day = internal::AddMonths(*ctx.as_of, -c.months_before).days_since_epoch(),
           .last_day = internal::AddMonths(*ctx.as_of, c.months_after).days_since_epoch()});
      return static_cast<uint32_t>(nodes_.size() - 1);
    }
    case Criterion::Kind::kNotAsked:
      break;
  }
  return Constant(Verdict::kMaybe);
}

// A course field as bit masks over its allowed values: yes, maybe, or else no.
uint32_t NetCostCalculator::CompileField(const Criterion& c) {
  Node n;
  std::vector<std::string> values;
  if (c.field == "course.registers") {
    n.kind = Node::Kind::kRegisters;
    values = RegisterValues();
    n.any_value = Contains(c.yes_values, "*");
  } else if (c.field == "course.recognised_ocw") {
    n.kind = Node::Kind::kOcw;
    values = {"false", "true"};
  } else if (c.field == "course.level") {
    n.kind = Node::Kind::kLevel;
    values = CourseLevelValues();
  } else if (c.field == "course.sector") {
    n.kind = Node::Kind::kSector;
    values = SectorValues();
  } else if (c.field == "course.nlqf") {
    n.kind = Node::Kind::kNlqf;
    n.valid = 0x1FF;  // 0 (not placed, which says no) to 8
    for (int level = 1; level <= 8; ++level) {
      if (c.yes_range && c.yes_range->Contains(level)) {
        n.yes |= Bit(level);
      } else if (c.maybe_range && c.maybe_range->Contains(level)) {
        n.maybe |= Bit(level);
      }
    }
    nodes_.push_back(n);
    return static_cast<uint32_t>(nodes_.size() - 1);
  } else {
    fallback_ = true;  // a course fact this calculator does not know
    return Constant(Verdict::kMaybe);
  }
  if (values.size() > 31) {
    fallback_ = true;
    return Constant(Verdict::kMaybe);
  }
  const bool star = Contains(c.yes_values, "*");
  for (size_t i = 0; i < values.size(); ++i) {
    const int bit = static_cast<int>(i);
    if (n.kind == Node::Kind::kSector && values[i] == "unknown") {
      n.valid |= Bit(bit);
      n.maybe |= Bit(bit);  // not answered: maybe, even for "*"
      continue;
    }
    n.valid |= Bit(bit);
    if (star || Contains(c.yes_values, values[i])) {
      n.yes |= Bit(bit);
    } else if (Contains(c.maybe_values, values[i])) {
      n.maybe |= Bit(bit);
    }
  }
  nodes_.push_back(n);
  return static_cast<uint32_t>(nodes_.size() - 1);
}

Verdict NetCostCalculator::Eval(uint32_t node, const CourseFundingFacts& c, Cents total) const {
  const Node& n = nodes_[node];
  // One value of a field: a value with an input error says maybe, as in the engine.
  const auto one = [&n](int value) {
    const uint32_t bit = Bit(value);
    if ((bit & n.valid) == 0) return Verdict::kMaybe;
    if ((bit & n.yes) != 0) return Verdict::kYes;
    if ((bit & n.maybe) != 0) return Verdict::kMaybe;
    return Verdict::kNo;
  };
  switch (n.kind) {
    case Node::Kind::kConst:
      return n.verdict;
    case Node::Kind::kRegisters:
      if ((c.registers & ~n.valid) != 0) return Verdict::kMaybe;
      if (n.any_value || (c.registers & n.yes) != 0) return Verdict::kYes;
      return (c.registers & n.maybe) != 0 ? Verdict::kMaybe : Verdict::kNo;
    case Node::Kind::kOcw:
      return one(c.recognised_ocw ? 1 : 0);
    case Node::Kind::kNlqf:
      return one(c.nlqf);
    case Node::Kind::kLevel:
      return one(c.level);
    case Node::Kind::kSector:  // -1, not known, has no bit: maybe
      return one(c.sector);
    case Node::Kind::kAnyOf: {
      Verdict best = Verdict::kNo;
      for (uint32_t i = n.first; i < n.first + n.count && best != Verdict::kYes; ++i) {
        best = Best(best, Eval(children_[i], c, total));
      }
      return best;
    }
    case Node::Kind::kMinCost:
      // As EvaluateMinCost: the VAT rate of a price including VAT is not known.
      if (total < n.min_cents) return Verdict::kNo;
      if (!c.vat_included) return Verdict::kYes;
      if (total * 100 >= n.min_cents * (100 + n.max_vat_percent)) return Verdict::kYes;
      return Verdict::kMaybe;
    case Node::Kind::kStartWindow:
      if (c.start_days == kNoStartDay) return Verdict::kMaybe;
      return c.start_days >= n.first_day && c.start_days <= n.last_day ? Verdict::kYes
                                                                       : Verdict::kNo;
  }
  return Verdict::kMaybe;
}

// What `p` pays on its own, or nullopt when its share is maybe (then it says maybe, paying
// nothing); 0 when no share applies.
std::optional<Cents> NetCostCalculator::Amount(const Payer& p, const CourseFundingFacts& c,
                                               Cents total) const {
  for (uint32_t s = p.shares_begin; s < p.shares_end; ++s) {
    const Share& share = shares_[s];
    if (share.stop) return std::nullopt;
    bool applies = !share.never;
    for (uint32_t r = share.when_begin; r < share.when_end; ++r) {
      const Verdict v = Eval(roots_[r], c, total);
      if (v == Verdict::kMaybe) return std::nullopt;
      applies = applies && v == Verdict::kYes;
    }
    if (!applies) continue;
    const Cents base = p.parts[0] * c.registration_cents + p.parts[1] * c.tuition_cents +
                       p.parts[2] * c.materials_cents + p.parts[3] * c.other_cents;
    // Rounded down, as the engine: a scheme never pays more than its share.
    const Cents amount = base * share.numerator / share.denominator;
    return p.left ? std::min(amount, *p.left) : amount;
  }
  return 0;
}

std::optional<Cents> NetCostCalculator::NetCostCents(const FundingCourse& course) const {
  if (fallback_) return engine_->NetCost(person_, course, as_of_text_).net_cost_cents;
  return NetCostCents(FactsOfCourse(course, facts_used_));
}

std::optional<Cents> NetCostCalculator::NetCostCents(const CourseFundingFacts& c) const {
  // No known price, or a part below zero (an input error): no net cost, as the engine.
  if (!c.costs_stated || c.registration_cents < 0 || c.tuition_cents < 0 || c.materials_cents < 0 ||
      c.other_cents < 0) {
    return std::nullopt;
  }
  if (fallback_) return engine_->NetCost(person_, CourseOf(c), as_of_text_).net_cost_cents;
  const Cents total = c.registration_cents + c.tuition_cents + c.materials_cents + c.other_cents;
  // internal::Allocate over bit masks: payers pay in order, each at most what is unpaid and
  // what the others-only-above rules of those already paying leave.
  std::array<Cents, kMaxPayers> paid{};
  uint64_t paying = 0;  // payers with paid > 0
  Cents remaining = total;
  for (size_t i = 0; i < payers_.size(); ++i) {
    const Payer& p = payers_[i];
    bool yes = true;
    for (uint32_t r = p.criteria_begin; r < p.criteria_end && yes; ++r) {
      yes = Eval(roots_[r], c, total) == Verdict::kYes;
    }
    if (!yes) continue;
    std::optional<Cents> amount = Amount(p, c, total);
    if (!amount || *amount <= 0) continue;
    if ((paying & p.conflicts) != 0) continue;  // not-with: no; undecided-with: maybe
    Cents cap = remaining;
    const uint64_t me = 1ULL << i;
    for (uint64_t js = paying; js != 0; js &= js - 1) {
      const Payer& owner = payers_[static_cast<size_t>(std::countr_zero(js))];
      for (uint32_t a = owner.above_begin; a < owner.above_end; ++a) {
        const AboveRule& rule = above_[a];
        if ((rule.funders & me) == 0) continue;
        Cents by_those = 0;
        for (uint64_t ks = rule.funders & paying; ks != 0; ks &= ks - 1) {
          by_those += paid[static_cast<size_t>(std::countr_zero(ks))];
        }
        cap = std::min(cap, std::max<Cents>(0, total - rule.cents - by_those));
      }
    }
    const Cents pays = std::min(*amount, cap);
    paid[i] = pays;
    if (pays > 0) paying |= me;
    remaining -= pays;
  }
  return remaining;
}

}  // namespace verder::funding
