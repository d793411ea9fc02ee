#include "tests/funding_golden_cases.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace verder::funding::golden {

using nlohmann::json;

std::string SourceDir() {
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  return src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT;
}

void PrintTo(const GoldenCase& c, std::ostream* out) { *out << c.j.at("id").get<std::string>(); }

std::vector<GoldenCase> LoadGoldenCases() {
  std::vector<GoldenCase> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/tests/golden/funding")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    for (json& c : json::parse(in)) out.push_back({f.filename().string(), std::move(c)});
  }
  return out;
}

Person PersonFrom(const json& j) {
  Person p;
  if (j.at("age").is_number_integer()) p.age = j.at("age").get<int>();
  p.education = j.value("education", "");
  p.work = j.value("work", "");
  p.sector = j.value("sector", "");
  if (j.contains("postcode") && j.at("postcode").is_string()) {
    p.postcode = j.at("postcode").get<std::string>();
  }
  p.newcomer = j.value("newcomer", false);
  if (j.contains("employer_tied") && j.at("employer_tied").is_boolean()) {
    p.employer_tied = j.at("employer_tied").get<bool>();
  }
  const json used = j.value("used_this_year_cents", json::object());
  for (const auto& [scheme, cents] : used.items()) {
    p.used_this_year_cents[scheme] = cents.get<Cents>();
  }
  p.ppo_cofinanced_last_12m_cents = j.value("ppo_cofinanced_last_12m_cents", Cents{0});
  return p;
}

FundingCourse CourseFrom(const json& j) {
  FundingCourse c;
  c.id = j.at("id").get<std::string>();
  const json& costs = j.at("costs_cents");
  c.costs = {costs.at("registration").get<Cents>(), costs.at("tuition").get<Cents>(),
             costs.at("materials").get<Cents>(), costs.at("other").get<Cents>()};
  c.vat_included = j.at("vat_included").get<bool>();
  c.registers = j.at("registers").get<std::vector<std::string>>();
  c.recognised_ocw = j.at("recognised_ocw").get<bool>();
  if (j.at("nlqf").is_number_integer()) c.nlqf = j.at("nlqf").get<int>();
  c.level = j.at("level").get<std::string>();
  c.sector = j.at("sector").get<std::string>();
  const Result<Date> start = Date::Parse(j.at("start_date").get<std::string>());
  if (start.ok()) c.start_date = start.value();
  return c;
}

}  // namespace verder::funding::golden
