// fuzz/scheme_fuzzer.cpp — one funding scheme file (data/schemes/*.json, funding/scheme_loader.h)
// as any bytes. ParseScheme must report problems, never crash; a scheme it accepts joins the real
// schemes (replacing one with its id) and, when the set passes CheckSchemeSet, the engine judges a
// few people and courses with it. The engine's promises are checked on every answer: the schemes
// never pay more than a course costs, and the fast calculator search uses gives exactly the net
// cost the course page shows.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "funding/engine.h"
#include "funding/scheme_loader.h"
#include "fuzz/fuzz_support.h"

namespace verder {
namespace {

struct SchemeWorld {
  std::vector<funding::Scheme> real;  // data/schemes
  std::vector<funding::Person> people;
  std::vector<funding::FundingCourse> courses;
  std::vector<Date> days;
};

SchemeWorld* world = nullptr;  // built once in LLVMFuzzerInitialize, never freed

SchemeWorld* BuildWorld() {
  auto* w = new SchemeWorld();
  Result<std::vector<funding::Scheme>> schemes =
      funding::LoadSchemes(fuzz::SourcePath("data/schemes"));
  if (!schemes.ok()) fuzz::Fail("cannot load data/schemes: " + schemes.error().ToString());
  w->real = std::move(schemes).value();

  funding::Person employee;
  employee.age = 34;
  employee.education = "mbo2";
  employee.work = "employee-permanent";
  employee.sector = "care-welfare";
  employee.postcode = "3511";
  employee.employer_tied = true;
  funding::Person self_employed;
  self_employed.age = 52;
  self_employed.education = "hbo";
  self_employed.work = "self-employed";
  self_employed.sector = "metal";
  self_employed.used_this_year_cents["stap-budget"] = 50000;
  self_employed.ppo_cofinanced_last_12m_cents = 120000;
  funding::Person job_seeker;
  job_seeker.age = 19;
  job_seeker.education = "vmbo";
  job_seeker.work = "jobseeker-benefits";
  job_seeker.newcomer = true;
  funding::Person wrong;  // answers the engine must treat as unknown
  wrong.age = -3;
  wrong.education = "";
  wrong.postcode = "12";
  w->people = {employee, self_employed, job_seeker, wrong};

  funding::FundingCourse stap;
  stap.id = "stap";
  stap.costs = {.registration_cents = 2500, .tuition_cents = 149500, .materials_cents = 10000};
  stap.registers = {"stap", "crebo"};
  stap.recognised_ocw = true;
  stap.nlqf = 4;
  stap.level = "mbo-4";
  stap.sector = "care-welfare";
  stap.start_date = Date::Parse("2025-09-01").value();
  funding::FundingCourse plain;
  plain.id = "plain";
  plain.costs = {.tuition_cents = 39900};
  plain.vat_included = false;
  funding::FundingCourse unpriced;
  unpriced.id = "unpriced";
  unpriced.costs_stated = false;
  unpriced.registers = {"sector-recognised", "llk"};
  w->courses = {stap, plain, unpriced};
  w->days = {Date::Parse("2025-03-01").value(), Date::Parse("2022-06-01").value()};
  return w;
}

void Judge(const funding::FundingEngine& engine) {
  for (const funding::Person& person : world->people) {
    for (const Date day : world->days) {
      engine.CheckPerson(person, day);
      const funding::NetCostCalculator calc = engine.PrepareNetCost(person, day);
      for (const funding::FundingCourse& course : world->courses) {
        const funding::CourseCheck check = engine.NetCost(person, course, day);
        if (check.net_cost_cents && check.total_cents &&
            (*check.net_cost_cents < 0 || *check.net_cost_cents > *check.total_cents)) {
          fuzz::Fail("schemes pay more than the course costs, or charge extra: " + course.id);
        }
        if (calc.NetCostCents(course) != check.net_cost_cents)
          fuzz::Fail("the calculator and NetCost disagree on " + course.id);
      }
    }
  }
}

}  // namespace
}  // namespace verder

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  verder::world = verder::BuildWorld();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verder;  // NOLINT(google-build-using-namespace)
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  funding::Scheme scheme;
  const std::vector<Error> problems = funding::ParseScheme(text, "fuzz.json", &scheme);
  if (!problems.empty()) return 0;
  std::vector<funding::Scheme> schemes;
  for (const funding::Scheme& s : world->real) {
    if (s.id != scheme.id) schemes.push_back(s);
  }
  schemes.push_back(std::move(scheme));
  if (!funding::CheckSchemeSet(schemes).empty()) return 0;
  Judge(funding::FundingEngine(std::move(schemes)));
  return 0;
}
