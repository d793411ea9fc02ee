#include "funding/net_cost_calculator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <new>
#include <random>
#include <sstream>

#include "funding/engine.h"
#include "funding/internal/criteria.h"
#include "funding/scheme_loader.h"
#include "funding/scheme_test_support.h"
#include "funding/vocabulary.h"
#include "tests/funding_golden_cases.h"

// Counts heap allocations, so a test can show that NetCostCents allocates nothing. Every
// non-aligned form is replaced, so no memory from one allocator reaches another's delete (ASan
// checks that); replacing them is allowed once per program, and this binary has no other.
namespace {
std::atomic<int64_t> g_allocations{0};

void* Allocate(std::size_t size) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}

void* AllocateOrThrow(std::size_t size) {
  if (void* p = Allocate(size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return AllocateOrThrow(size); }
void* operator new[](std::size_t size) { return AllocateOrThrow(size); }
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return Allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return Allocate(size);
}
// g++ sees free() of memory from operator new once these are inlined; here that is the pairing.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t& /*tag*/) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t& /*tag*/) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace verder::funding {
namespace {

using test_support::D;

const FundingEngine& RealEngine() {
  static const FundingEngine* engine = [] {
    Result<std::vector<Scheme>> schemes = LoadSchemes(golden::SourceDir() + "/data/schemes");
    if (!schemes.ok()) {
      ADD_FAILURE() << schemes.error().ToString();
      return new FundingEngine({});
    }
    return new FundingEngine(std::move(schemes).value());
  }();
  return *engine;
}

std::string Show(const std::optional<Cents>& c) { return c ? std::to_string(*c) : "null"; }

// ---------------------------------------------------------------------------------------------
// The golden cases: the fast path gives the engine's net cost on every one of them.

class FundingNetCostGoldenTest : public ::testing::TestWithParam<golden::GoldenCase> {};

TEST_P(FundingNetCostGoldenTest, EqualsEngineNetCost) {
  const nlohmann::json& c = GetParam().j;
  const Person person = golden::PersonFrom(c.at("person"));
  const FundingCourse course = golden::CourseFrom(c.at("course"));
  const std::string as_of = c.at("as_of").get<std::string>();
  const FundingEngine& engine = RealEngine();
  const std::optional<Cents> expected = engine.NetCost(person, course, as_of).net_cost_cents;
  const NetCostCalculator calc = engine.PrepareNetCost(person, as_of);
  EXPECT_EQ(calc.NetCostCents(course), expected);
  EXPECT_EQ(calc.NetCostCents(CourseFundingFactsOf(course)), expected);
  // The golden answer itself, so the three can never agree on something wrong.
  const nlohmann::json& net = c.at("expected").at("net_cost_cents");
  EXPECT_EQ(calc.NetCostCents(course),
            net.is_null() ? std::nullopt : std::optional<Cents>(net.get<Cents>()));
}

std::string CaseName(const ::testing::TestParamInfo<golden::GoldenCase>& info) {
  std::string name = info.param.j.at("id").get<std::string>();
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(funding, FundingNetCostGoldenTest,
                         ::testing::ValuesIn(golden::LoadGoldenCases()), CaseName);

// ---------------------------------------------------------------------------------------------
// Randomised equivalence: persons, days and courses drawn around every boundary the schemes
// have, compared with the engine call by call. A fixed seed keeps failures reproducible.

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Int(0, 99) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }

  // Mostly valid answers (so schemes do pay), sometimes unanswered or wrong.
  std::string Choice(const std::vector<std::string>& values, const std::string& wrong) {
    if (Chance(4)) return "";
    if (Chance(4)) return wrong;
    return Pick(values);
  }

  Person RandomPerson(const FundingEngine& engine) {
    Person p;
    static const std::vector<std::optional<int>> kAges{std::nullopt, -1, 17, 18, 30, 40,
                                                       55,           56, 65, 66, 80, 131};
    p.age = Chance(60) ? std::optional<int>(Int(18, 65)) : Pick(kAges);
    p.education = Choice(EducationValues(), "phd");
    p.work = Choice(WorkValues(), "astronaut");
    p.sector = Chance(30) ? "culture" : Choice(SectorValues(), "space");
    static const std::vector<std::optional<std::string>> kPostcodes{std::nullopt, "1012", "9999",
                                                                    "12AB"};
    p.postcode = Pick(kPostcodes);
    p.newcomer = Chance(10);
    static const std::vector<std::optional<bool>> kTied{std::nullopt, true, false};
    p.employer_tied = Pick(kTied);
    static const std::vector<Cents> kUsed{0, 1, 40000, 60000, 99999, 100000, 150000, -5};
    for (const Scheme& s : engine.schemes()) {
      if (Chance(30)) p.used_this_year_cents[s.id] = Pick(kUsed);
    }
    static const std::vector<Cents> kPpo{0, 0, 0, 150000, 180000, 199999, 200000, 250000, -1};
    p.ppo_cofinanced_last_12m_cents = Pick(kPpo);
    return p;
  }

  // The days the schemes change on, each with its neighbours, and any day from 2020 to 2026.
  static std::vector<Date> BoundaryDays(const FundingEngine& engine) {
    std::vector<Date> days;
    const auto around = [&days](std::optional<Date> d) {
      if (!d) return;
      for (int k = -1; k <= 1; ++k) days.push_back(*d + k);
    };
    for (const Scheme& s : engine.schemes()) {
      around(s.valid_from);
      around(s.valid_to);
      for (const ShareRule& share : s.payment.shares) {
        around(share.from);
        around(share.to);
      }
    }
    return days;
  }

  Date RandomDay(const std::vector<Date>& boundaries) {
    if (!boundaries.empty() && Chance(50)) return Pick(boundaries);
    return D("2020-01-01") + Int(0, 7 * 366);
  }

  Cents Part() {
    static const std::vector<Cents> kAmounts{0,     1,     14999, 15000,  15001,  18149, 18150,
                                             18151, 30000, 99999, 100000, 100001, 200000};
    const int kind = Int(0, 9);
    if (kind < 3) return 0;
    if (kind < 5) return Pick(kAmounts);
    if (kind < 8) return Int(0, 200000);
    return Int(0, 600000);
  }

  FundingCourse RandomCourse(Date as_of) {
    FundingCourse c;
    c.id = "c";
    c.costs_stated = !Chance(5);
    c.costs = {Part(), Part(), Part(), Part()};
    if (Chance(25)) {  // one amount around a threshold, in one part or split over two
      static const std::vector<Cents> kTotals{14999, 15000,  15001,  18149,  18150, 18151,
                                              99999, 100000, 100001, 130000, 1000,  0};
      const Cents total = Pick(kTotals);
      const Cents first = Chance(50) ? total : Int(0, static_cast<int>(total));
      c.costs = {0, first, 0, total - first};
      if (Chance(50)) std::swap(c.costs.registration_cents, c.costs.tuition_cents);
    }
    if (Chance(3)) c.costs.materials_cents = -Int(1, 100);
    c.vat_included = Chance(60);
    for (const std::string& r : RegisterValues()) {
      if (Chance(30)) c.registers.push_back(r);
    }
    if (Chance(3)) c.registers.emplace_back("bogus");
    c.recognised_ocw = Chance(40);
    if (Chance(60)) c.nlqf = Int(0, 9);
    c.level = Chance(3) ? "bogus" : Pick(CourseLevelValues());
    c.sector = Chance(3) ? "bogus" : Pick(SectorValues());
    if (!Chance(15)) {
      // Around the start windows (whole months from as_of), or anywhere within half a year.
      if (Chance(50)) {
        c.start_date = internal::AddMonths(as_of, Int(-4, 4)) + Int(-1, 1);
      } else {
        c.start_date = as_of + Int(-190, 190);
      }
    }
    return c;
  }

  // `c` with every fact outside `used` (CourseFact bits) drawn again: the net cost must not move.
  FundingCourse Scramble(const FundingCourse& c, uint32_t used, Date as_of) {
    FundingCourse out = RandomCourse(as_of);
    out.costs_stated = c.costs_stated;
    if ((used & kFactCostParts) != 0 || c.costs.materials_cents < 0) {
      out.costs = c.costs;
    } else {  // the same total, split differently
      const Cents total = c.costs.Total();
      const Cents first =
          total == 0 ? 0 : Int(0, static_cast<int>(std::min<Cents>(total, 1 << 30)));
      out.costs = {0, 0, first, total - first};
    }
    if ((used & kFactVat) != 0) out.vat_included = c.vat_included;
    if ((used & kFactRegisters) != 0) out.registers = c.registers;
    if ((used & kFactRecognisedOcw) != 0) out.recognised_ocw = c.recognised_ocw;
    if ((used & kFactNlqf) != 0) out.nlqf = c.nlqf;
    if ((used & kFactLevel) != 0) out.level = c.level;
    if ((used & kFactSector) != 0) out.sector = c.sector;
    if ((used & kFactStartDate) != 0) out.start_date = c.start_date;
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

struct Tally {
  int compared = 0;
  int lowered = 0;   // the net cost was below the total: some scheme paid
  int no_price = 0;  // no net cost
  int fallback_free = 0;
};

// Compares the calculator with the engine for `people` persons and days, `courses` courses each.
Tally CompareWithEngine(const FundingEngine& engine, uint64_t seed, int people, int courses) {
  Generator gen(seed);
  const std::vector<Date> boundaries = Generator::BoundaryDays(engine);
  Tally tally;
  for (int i = 0; i < people; ++i) {
    const Person person = gen.RandomPerson(engine);
    const bool bad_day = gen.Chance(3);  // a day that does not exist
    const Date as_of = gen.RandomDay(boundaries);
    const NetCostCalculator calc = bad_day ? engine.PrepareNetCost(person, "2022-02-30")
                                           : engine.PrepareNetCost(person, as_of);
    for (int k = 0; k < courses; ++k) {
      const FundingCourse course = gen.RandomCourse(as_of);
      const CourseCheck check = bad_day ? engine.NetCost(person, course, "2022-02-30")
                                        : engine.NetCost(person, course, as_of);
      const std::optional<Cents> fast = calc.NetCostCents(course);
      const std::optional<Cents> from_facts = calc.NetCostCents(CourseFundingFactsOf(course));
      const std::optional<Cents> scrambled =
          calc.NetCostCents(gen.Scramble(course, calc.facts_used(), as_of));
      ++tally.compared;
      if (!check.net_cost_cents) ++tally.no_price;
      if (check.net_cost_cents && *check.net_cost_cents < *check.total_cents) ++tally.lowered;
      if (fast == check.net_cost_cents && from_facts == fast && scrambled == fast) continue;
      std::ostringstream why;
      why << "seed " << seed << " person " << i << " course " << k << " as_of "
          << (bad_day ? "2022-02-30" : as_of.ToString()) << ": engine "
          << Show(check.net_cost_cents) << ", calculator " << Show(fast) << ", from facts "
          << Show(from_facts) << ", with unused facts changed " << Show(scrambled) << "\n";
      for (const SchemeAnswer& a : check.schemes) {
        why << "  " << a.scheme_id << " " << VerdictName(a.verdict) << " pays " << a.pays_cents
            << "\n";
      }
      ADD_FAILURE() << why.str();
      return tally;  // one mismatch tells enough
    }
  }
  return tally;
}

TEST(FundingNetCostCalculatorTest, EqualsEngineOnRandomCoursesWithTheRealSchemes) {
  const Tally t = CompareWithEngine(RealEngine(), 20240611, 400, 150);
  EXPECT_EQ(t.compared, 60000);
  // The draw must exercise payments and unknown prices, or equality would prove little.
  EXPECT_GT(t.lowered, 3000);
  EXPECT_GT(t.no_price, 1000);
  std::cout << "compared " << t.compared << " (a scheme paid in " << t.lowered << ", no price in "
            << t.no_price << ")\n";
}

// A scheme set built to use every construct the files may: each kind of criterion on each course
// fact, any_of mixing person and course, course criteria in shares, dated shares, parts counted
// twice or not at all, ceilings of both kinds, all three stacking rules and equal pay orders.
Criterion Field(const std::string& field, std::vector<std::string> yes,
                std::vector<std::string> maybe = {}) {
  Criterion c;
  c.field = field;
  c.yes_values = std::move(yes);
  c.maybe_values = std::move(maybe);
  return c;
}

Criterion Range(const std::string& field, NumberRange yes, std::optional<NumberRange> maybe = {}) {
  Criterion c;
  c.field = field;
  c.yes_range = yes;
  c.maybe_range = maybe;
  return c;
}

Criterion AnyOf(std::vector<Criterion> members) {
  Criterion c;
  c.kind = Criterion::Kind::kAnyOf;
  c.any_of = std::move(members);
  return c;
}

Criterion MinCost(Cents cents, int vat) {
  Criterion c;
  c.kind = Criterion::Kind::kMinCostExclVat;
  c.min_cents = cents;
  c.max_vat_percent = vat;
  return c;
}

Criterion StartWindow(int before, int after) {
  Criterion c;
  c.kind = Criterion::Kind::kStartWindow;
  c.months_before = before;
  c.months_after = after;
  return c;
}

Criterion NotAsked() {
  Criterion c;
  c.kind = Criterion::Kind::kNotAsked;
  c.question = "q";
  return c;
}

ShareRule Share(int64_t numerator, int64_t denominator, std::vector<Criterion> when = {},
                std::optional<Date> from = {}, std::optional<Date> to = {}) {
  ShareRule s;
  s.numerator = numerator;
  s.denominator = denominator;
  s.when = std::move(when);
  s.from = from;
  s.to = to;
  return s;
}

Ceiling Yearly(Cents cents) {
  Ceiling c;
  c.cents = cents;
  c.used_answer = "used_this_year_cents";
  return c;
}

Ceiling Rolling(Cents cents) {
  Ceiling c;
  c.period = Period::kRolling12Months;
  c.cents = cents;
  c.used_answer = "ppo_cofinanced_last_12m_cents";
  return c;
}

StackingRule Stack(StackingRule::Kind kind, std::vector<std::string> schemes,
                   std::vector<std::string> funders = {}, Cents cents = 0) {
  StackingRule r;
  r.kind = kind;
  r.schemes = std::move(schemes);
  r.funders = std::move(funders);
  r.cents = cents;
  return r;
}

Scheme Paying(const std::string& id, const std::string& funder, int pay_order,
              std::vector<std::string> parts, std::vector<ShareRule> shares) {
  Scheme s;
  s.id = id;
  s.funder = funder;
  s.pay_order = pay_order;
  s.payment.kind = PaymentKind::kCourse;
  s.payment.cost_parts = std::move(parts);
  s.payment.shares = std::move(shares);
  return s;
}

std::vector<std::string> AllParts() { return CostPartNames(); }

FundingEngine SyntheticEngine() {
  std::vector<Scheme> s;
  // Level and sector with maybes; an any_of of OCW, an NLQF range and a person's age.
  s.push_back(Paying("a", "private", 10, {"tuition", "materials"}, {Share(1, 2)}));
  s.back().criteria = {
      Field("course.level", {"hbo", "wo"}, {"mbo-4"}),
      Field("course.sector", {"culture", "ict", "care-welfare"}, {"other"}),
      AnyOf({Field("course.recognised_ocw", {"true"}),
             Range("course.nlqf", {.min = 4, .max = 8}, NumberRange{.min = 3, .max = 3}),
             Range("age", {.min = 50})})};
  s.back().payment.ceilings = {Yearly(50000)};
  // Limits its own funders too, itself included in what they already paid.
  s.back().stacking = {Stack(StackingRule::Kind::kOthersOnlyAbove, {}, {"private"}, 20000)};
  // Registers with a maybe, a VAT minimum, a start window; dated and course-dependent shares.
  s.push_back(Paying("b", "public", 20, AllParts(),
                     {Share(3, 4, {Field("course.level", {"mbo-1", "mbo-2", "mbo-3", "mbo-4"})},
                            D("2021-01-01"), D("2022-06-30")),
                      Share(2, 3,
                            {Field("work", {"self-employed"}, {"other"}),
                             Field("course.sector", {"culture", "green"}, {"unknown", "none"})}),
                      Share(1, 3)}));
  s.back().criteria = {Field("course.registers", {"crebo", "croho"}, {"llk"}), MinCost(20000, 9),
                       StartWindow(1, 2)};
  s.back().stacking = {Stack(StackingRule::Kind::kNotWith, {"a"})};
  s.back().valid_from = D("2021-01-01");
  // Any register at all ("*"), a dated validity, others only above €300 while it pays.
  s.push_back(Paying("c", "public", 5, {"registration", "other", "tuition"}, {Share(1, 1)}));
  s.back().criteria = {Field("course.registers", {"*"}),
                       Field("education", {"mbo1", "mbo2", "mbo3", "mbo4", "havo"}, {"vwo"})};
  s.back().valid_from = D("2021-06-01");
  s.back().valid_to = D("2024-05-31");
  s.back().payment.ceilings = {Yearly(70000)};
  s.back().stacking = {
      Stack(StackingRule::Kind::kOthersOnlyAbove, {}, {"private", "regional"}, 30000)};
  // Regional, every sector ("*": not an unknown one), a start window without dated validity,
  // undecided with b.
  s.push_back(Paying("d", "regional", 30, AllParts(), {Share(1, 2)}));
  s.back().criteria = {Field("postcode", {"*"}), Field("course.sector", {"*"}), StartWindow(0, 6)};
  s.back().stacking = {Stack(StackingRule::Kind::kUndecidedWith, {"b"})};
  // Tuition counted twice, a dated share without dated validity, an NLQF range, both ceilings;
  // the same pay order as d.
  s.push_back(Paying("e", "private", 30, {"tuition", "tuition"},
                     {Share(1, 3, {}, D("2022-01-01"), D("2023-12-31")), Share(1, 4)}));
  s.back().criteria = {Range("course.nlqf", {.min = 1, .max = 8}),
                       AnyOf({Field("employer_tied", {"true"}), Field("course.level", {"wo"})})};
  s.back().payment.ceilings = {Rolling(100000), Yearly(60000)};
  // Never pays: a question we do not ask; and an unpublished one; and a loan.
  s.push_back(Paying("f", "public", 1, AllParts(), {Share(1, 1)}));
  s.back().criteria = {NotAsked()};
  s.push_back(Paying("g", "private", 1, AllParts(), {}));
  s.back().payment.kind = PaymentKind::kUnpublished;
  s.push_back(Paying("h", "public", 1, AllParts(), {}));
  s.back().payment.kind = PaymentKind::kLoan;
  // A share whose person criterion may say maybe before a course one, and a second that a
  // decided no skips; all parts, a 100% payer with a low pay order.
  s.push_back(Paying("i", "private", 15, AllParts(),
                     {Share(1, 1,
                            {Field("course.registers", {"stap"}),
                             Field("work", {"employee-permanent"}, {"other"})}),
                      Share(1, 5, {Field("newcomer", {"true"}), Field("course.level", {"none"})}),
                      Share(1, 6,
                            {AnyOf({Field("education", {"wo"}, {"vwo"}),
                                    Field("course.sector", {"ict"}, {"retail"})})}),
                      Share(1, 10)}));
  s.back().criteria = {Field("course.recognised_ocw", {"false"}, {"true"})};
  s.back().stacking = {Stack(StackingRule::Kind::kNotWith, {"e"})};
  return FundingEngine(std::move(s));
}

TEST(FundingNetCostCalculatorTest, EqualsEngineOnRandomCoursesWithEveryConstruct) {
  const FundingEngine engine = SyntheticEngine();
  const Tally t = CompareWithEngine(engine, 7, 400, 150);
  EXPECT_EQ(t.compared, 60000);
  EXPECT_GT(t.lowered, 10000);
  std::cout << "compared " << t.compared << " (a scheme paid in " << t.lowered << ", no price in "
            << t.no_price << ")\n";
}

// More paying schemes than the calculator keeps in bit masks: it asks the engine instead, and
// still answers exactly.
TEST(FundingNetCostCalculatorTest, FallsBackToTheEngineBeyondSixtyFourPayers) {
  std::vector<Scheme> schemes;
  for (int i = 0; i < 65; ++i) {
    schemes.push_back(Paying("p" + std::to_string(i), i % 2 == 0 ? "public" : "private", i % 7,
                             AllParts(), {Share(1, 50 + i)}));
    schemes.back().criteria = {Field("course.registers", {RegisterValues()[i % 6]})};
  }
  schemes[0].stacking = {Stack(StackingRule::Kind::kOthersOnlyAbove, {}, {"private"}, 5000)};
  const FundingEngine engine(std::move(schemes));
  const Tally t = CompareWithEngine(engine, 11, 20, 50);
  EXPECT_GT(t.lowered, 100);
}

// ---------------------------------------------------------------------------------------------

Person StapPerson() {
  Person p;
  p.age = 30;
  p.education = "hbo";
  p.work = "employee-permanent";
  p.sector = "retail";
  return p;
}

Person PpoPerson() {
  Person p;
  p.age = 34;
  p.education = "mbo4";
  p.work = "self-employed";
  p.sector = "culture";
  return p;
}

FundingCourse StapCourse() {
  FundingCourse c;
  c.costs.tuition_cents = 150000;
  c.registers = {"stap"};
  c.start_date = D("2022-07-01");
  return c;
}

TEST(FundingNetCostCalculatorTest, SaysWhichCourseFactsMatterForThePersonAndDay) {
  const FundingEngine& engine = RealEngine();
  // 2022: STAP (register) and NL leert door (register) may pay for an employee.
  NetCostCalculator calc = engine.PrepareNetCost(StapPerson(), D("2022-06-01"));
  EXPECT_TRUE(calc.may_pay());
  EXPECT_EQ(calc.facts_used(), kFactRegisters);
  EXPECT_EQ(calc.NetCostCents(StapCourse()), 50000);
  // 2024: only PPO, which reads the VAT (its minimum) and the start date (its window).
  calc = engine.PrepareNetCost(PpoPerson(), D("2024-03-01"));
  EXPECT_TRUE(calc.may_pay());
  EXPECT_EQ(calc.facts_used(), kFactVat | kFactStartDate);
  // 2026: every scheme that pays for courses has ended; the price is all that counts.
  calc = engine.PrepareNetCost(PpoPerson(), D("2026-01-05"));
  EXPECT_FALSE(calc.may_pay());
  EXPECT_EQ(calc.facts_used(), 0U);
  EXPECT_EQ(calc.NetCostCents(StapCourse()), 150000);
  FundingCourse unknown = StapCourse();
  unknown.costs_stated = false;
  EXPECT_EQ(calc.NetCostCents(unknown), std::nullopt);
}

TEST(FundingNetCostCalculatorTest, AllocatesNothingPerCall) {
  const FundingEngine& engine = RealEngine();
  const NetCostCalculator stap = engine.PrepareNetCost(StapPerson(), D("2022-09-01"));
  const NetCostCalculator ppo = engine.PrepareNetCost(PpoPerson(), D("2024-03-01"));
  FundingCourse course = StapCourse();
  course.registers = {"stap", "crebo", "nl-leert-door"};
  course.level = "mbo-4";
  course.sector = "culture";
  course.start_date = D("2024-04-01");
  const CourseFundingFacts facts = CourseFundingFactsOf(course);
  Cents sum = 0;
  const int64_t before = g_allocations.load();
  for (int i = 0; i < 1000; ++i) {
    sum += stap.NetCostCents(course).value_or(0) + stap.NetCostCents(facts).value_or(0);
    sum += ppo.NetCostCents(course).value_or(0) + ppo.NetCostCents(facts).value_or(0);
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_EQ(sum, 1000 * (0 + 0 + 100000 + 100000));  // NL leert door 2022; PPO 1/3 in 2024
}

TEST(FundingNetCostCalculatorTest, CatalogueColumnsMapAsFundingCourseFromCourseDoes) {
  EXPECT_EQ(RegisterBitsFromFlags(0), 0U);
  const auto bit = [](const char* r) {
    for (size_t i = 0; i < RegisterValues().size(); ++i) {
      if (RegisterValues()[i] == r) return 1U << i;
    }
    return 0U;
  };
  EXPECT_EQ(RegisterBitsFromFlags(kFundingStapRegister | kFundingOcwRecognised), bit("stap"));
  EXPECT_EQ(RegisterBitsFromFlags(kFundingLlkEligible | kFundingSectorRecognised, "crebo"),
            bit("llk") | bit("sector-recognised") | bit("crebo"));
  EXPECT_EQ(CourseLevelValues()[static_cast<size_t>(FundingLevelIndex(Level::kHboMaster))], "hbo");
  EXPECT_EQ(CourseLevelValues()[static_cast<size_t>(FundingLevelIndex(Level::kMbo2))], "mbo-2");
  // Catalogue courses end to end: a course's facts give the engine's net cost of it.
  const FundingEngine& engine = RealEngine();
  const NetCostCalculator calc = engine.PrepareNetCost(StapPerson(), D("2022-06-01"));
  Course c;
  c.costs.tuition_cents = 80000;
  c.costs.materials_cents = 3333;
  c.costs.vat_included = false;  // 21% is added part by part
  c.funding_flags = kFundingStapRegister;
  const FundingCourse fc = FundingCourseFromCourse(c, D("2022-07-01"));
  EXPECT_EQ(calc.NetCostCents(CourseFundingFactsOf(fc)),
            engine.NetCost(StapPerson(), fc, D("2022-06-01")).net_cost_cents);
  EXPECT_EQ(calc.NetCostCents(CourseFundingFactsOf(fc)), 96800 + 4033 - 100000);
}

}  // namespace
}  // namespace verder::funding
