// The search engine's net cost (index columns → FundingNetCost → NetCostCalculator) must equal
// what a course page shows (FundingEngine::NetCost on the stored course), for every course:
// otherwise "costs me at most €X" would hide courses whose page says they cost less.
#include "web/funding_net_cost.h"

#include <gtest/gtest.h>

#include <map>

#include "core/rng.h"
#include "funding/scheme_loader.h"
#include "search/search_index.h"

namespace verder {
namespace {

std::vector<IndexedCourse> RandomCourses(size_t n) {
  Rng rng(7);
  const char* sectors[] = {"Cultuur", "Zorg en welzijn", "Metaal", "Techniek", "", "ICT"};
  const char* code_types[] = {"crebo", "croho", "provider", ""};
  std::vector<IndexedCourse> out;
  for (size_t i = 0; i < n; ++i) {
    IndexedCourse c;
    c.course.id = static_cast<CourseId>(i + 1);
    c.course.provider_id = 1;
    c.course.title.nl = "Cursus nummer " + std::to_string(i);
    c.provider_name = "Aanbieder";
    CostBreakdown& costs = c.course.costs;
    costs.registration_cents = static_cast<Cents>(rng.Below(3)) * 2500;
    costs.tuition_cents = static_cast<Cents>(rng.Below(400000));
    costs.materials_cents = static_cast<Cents>(rng.Below(2)) * 7500;
    costs.other_cents = static_cast<Cents>(rng.Below(2)) * 1995;
    costs.vat_included = rng.Chance(0.7);
    costs.vat_exempt = rng.Chance(0.2);
    costs.stated = rng.Chance(0.9);
    c.course.funding_flags = static_cast<uint32_t>(rng.Below(32));
    c.course.nlqf = static_cast<int>(rng.Below(9));
    c.course.level = static_cast<Level>(rng.Below(10));
    c.course.sector = sectors[rng.Below(std::size(sectors))];
    c.course.primary_code = {code_types[rng.Below(std::size(code_types))], "x"};
    Offering o;
    o.external_id = "a";
    if (rng.Chance(0.8)) {
      o.start = Date::FromDays(Date::Parse("2021-06-01").value().days_since_epoch() +
                               static_cast<int32_t>(rng.Below(2400)));
    }
    c.offerings.push_back(o);
    out.push_back(std::move(c));
  }
  return out;
}

TEST(FundingNetCostTest, SearchAndCoursePageAgreeOnEveryCourse) {
  const auto schemes =
      funding::LoadSchemes(std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data/schemes");
  ASSERT_TRUE(schemes.ok()) << schemes.error().message;
  const funding::FundingEngine engine(schemes.value());
  const GeoIndex geo(ReferenceData{});
  const auto analysis = TextAnalysis::LoadDefault(std::string(VERDER_SOURCE_DIR_DEFAULT) + "/data");
  ASSERT_TRUE(analysis.ok());
  SearchIndex index(&geo, analysis.value().get());
  const std::vector<IndexedCourse> courses = RandomCourses(400);
  index.Upsert(courses);
  std::map<CourseId, const IndexedCourse*> by_id;
  for (const IndexedCourse& c : courses) by_id[c.course.id] = &c;

  std::vector<funding::Person> people(3);
  people[0].age = 34, people[0].education = "mbo2", people[0].work = "employee-permanent";
  people[0].sector = "care-welfare", people[0].employer_tied = true;
  people[1].age = 45, people[1].education = "hbo", people[1].work = "self-employed";
  people[1].sector = "culture";
  people[2].age = 17;  // too young for most, other answers unknown
  int compared = 0;
  int paid = 0;
  for (const char* day : {"2021-11-01", "2022-06-01", "2023-03-01", "2026-11-23"}) {
    const Date as_of = Date::Parse(day).value();
    for (const funding::Person& person : people) {
      FundingNetCost model(engine, person, as_of);
      SearchQuery q;
      q.today = as_of;
      q.net_cost = &model;
      q.per_page = 100;
      for (q.page = 1; q.page <= 4; ++q.page) {
        for (const SearchHit& hit : index.Search(q).hits) {
          const IndexedCourse& c = *by_id.at(hit.id);
          // The course page asks with the next start, as the index does.
          const funding::CourseCheck page = engine.NetCost(
              person, funding::FundingCourseOnDay(c.course, c.offerings, as_of), as_of);
          ASSERT_EQ(hit.net_cost_cents, page.net_cost_cents)
              << "course " << hit.id << " on " << day << " for person aged " << *person.age;
          ++compared;
          if (page.net_cost_cents && page.total_cents && *page.net_cost_cents < *page.total_cents)
            ++paid;
        }
      }
    }
  }
  EXPECT_EQ(compared, 4 * 3 * 400);
  EXPECT_GT(paid, 50);  // the comparison covers courses that schemes really pay for
}

}  // namespace
}  // namespace verder
