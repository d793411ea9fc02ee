// funding_bench — the time per course of FundingEngine::NetCost (reasons and all) against the
// search path, NetCostCalculator::NetCostCents, on the real schemes in data/schemes/.
//
//   funding_bench [--benchmark_filter=...] [--benchmark_repetitions=5]   (Google Benchmark flags)
//
// The schemes are read from $VERDER_SOURCE_DIR/data/schemes (default: the source folder this was
// built from). Each benchmark cycles through the same 4096 generated courses, for one of three
// persons and days (the argument):
//   0  an employee in 2022: STAP and NL leert door may pay (register tests, stacking)
//   1  a self-employed culture worker in 2024: PPO may pay (VAT minimum, start window, ceiling)
//   2  the same person in 2026: every course scheme has ended, nothing can pay
// Figures: ns per course (Time column); items_per_second is courses per second.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "funding/engine.h"
#include "funding/scheme_loader.h"
#include "funding/vocabulary.h"

namespace verder::funding {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

const FundingEngine& Engine() {
  static const FundingEngine* engine = [] {
    const char* src = std::getenv("VERDER_SOURCE_DIR");
    Result<std::vector<Scheme>> schemes = LoadSchemes(
        std::string(src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT) + "/data/schemes");
    if (!schemes.ok()) {
      std::fprintf(stderr, "%s\n", schemes.error().ToString().c_str());
      std::exit(1);
    }
    return new FundingEngine(std::move(schemes).value());
  }();
  return *engine;
}

struct Scenario {
  Person person;
  Date as_of;
};

Scenario ScenarioOf(int64_t i) {
  Scenario s;
  s.person.age = 34;
  if (i == 0) {
    s.person.education = "hbo";
    s.person.work = "employee-permanent";
    s.person.sector = "retail";
    s.person.used_this_year_cents["stap-budget"] = 20000;
    s.as_of = D("2022-06-01");
  } else {
    s.person.education = "mbo4";
    s.person.work = "self-employed";
    s.person.sector = "culture";
    s.person.ppo_cofinanced_last_12m_cents = 50000;
    s.as_of = i == 1 ? D("2024-03-01") : D("2026-03-01");
  }
  s.person.postcode = "1012";
  return s;
}

// Courses like a catalogue's: mostly tuition, some in the STAP or NL leert door registers,
// starting within half a year of the day asked.
std::vector<FundingCourse> Courses(Date as_of) {
  std::mt19937_64 rng(42);
  const auto pick = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  std::vector<FundingCourse> out(4096);
  for (FundingCourse& c : out) {
    c.id = "c";
    c.costs.registration_cents = pick(0, 3) == 0 ? pick(0, 5000) : 0;
    c.costs.tuition_cents = pick(5000, 300000);
    c.costs.materials_cents = pick(0, 2) == 0 ? pick(0, 20000) : 0;
    c.costs_stated = pick(0, 19) != 0;
    c.vat_included = pick(0, 2) != 0;
    if (pick(0, 2) == 0) c.registers.emplace_back("stap");
    if (pick(0, 9) == 0) c.registers.emplace_back("nl-leert-door");
    if (pick(0, 4) == 0) c.registers.emplace_back("crebo");
    c.recognised_ocw = pick(0, 4) == 0;
    if (pick(0, 3) == 0) c.nlqf = pick(1, 8);
    c.level = CourseLevelValues()[static_cast<size_t>(pick(0, 7))];
    c.sector = SectorValues()[static_cast<size_t>(pick(0, 15))];
    if (pick(0, 9) != 0) c.start_date = as_of + pick(-30, 180);
  }
  return out;
}

void BM_EngineNetCost(benchmark::State& state) {
  const Scenario s = ScenarioOf(state.range(0));
  const std::vector<FundingCourse> courses = Courses(s.as_of);
  size_t i = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop idiom
    const CourseCheck r = Engine().NetCost(s.person, courses[i++ % courses.size()], s.as_of);
    benchmark::DoNotOptimize(r.net_cost_cents);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CalculatorFundingCourse(benchmark::State& state) {
  const Scenario s = ScenarioOf(state.range(0));
  const std::vector<FundingCourse> courses = Courses(s.as_of);
  const NetCostCalculator calc = Engine().PrepareNetCost(s.person, s.as_of);
  size_t i = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop idiom
    benchmark::DoNotOptimize(calc.NetCostCents(courses[i++ % courses.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}

// As a search index would call it: facts held as numbers per document.
void BM_CalculatorFacts(benchmark::State& state) {
  const Scenario s = ScenarioOf(state.range(0));
  std::vector<CourseFundingFacts> facts;
  for (const FundingCourse& c : Courses(s.as_of)) facts.push_back(CourseFundingFactsOf(c));
  const NetCostCalculator calc = Engine().PrepareNetCost(s.person, s.as_of);
  size_t i = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop idiom
    benchmark::DoNotOptimize(calc.NetCostCents(facts[i++ % facts.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}

// Once per request.
void BM_PrepareNetCost(benchmark::State& state) {
  const Scenario s = ScenarioOf(state.range(0));
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop idiom
    const NetCostCalculator calc = Engine().PrepareNetCost(s.person, s.as_of);
    benchmark::DoNotOptimize(calc.facts_used());
  }
}

BENCHMARK(BM_EngineNetCost)->DenseRange(0, 2);
BENCHMARK(BM_CalculatorFundingCourse)->DenseRange(0, 2);
BENCHMARK(BM_CalculatorFacts)->DenseRange(0, 2);
BENCHMARK(BM_PrepareNetCost)->DenseRange(0, 2);

}  // namespace
}  // namespace verder::funding

BENCHMARK_MAIN();
