#include "web/funding_net_cost.h"

#include "funding/funding_course.h"
#include "funding/vocabulary.h"

namespace verder {

uint32_t FundingNetCost::Registers(uint32_t flags, std::string_view code_type) const {
  constexpr uint32_t kKnown = 1U << 31;
  auto it = registers_.find(code_type);
  if (it == registers_.end())
    it = registers_.emplace(std::string(code_type), std::array<uint32_t, 256>{}).first;
  uint32_t& slot = it->second[flags & 255U];
  if ((slot & kKnown) == 0) slot = funding::RegisterBitsFromFlags(flags & 255U, code_type) | kKnown;
  return slot & ~kKnown;
}

int FundingNetCost::LevelIndex(Level level) const {
  int& slot = levels_[static_cast<size_t>(level) & 15U];
  if (slot == 0) slot = funding::FundingLevelIndex(level) + 1;
  return slot - 1;
}

int FundingNetCost::SectorIndex(std::string_view sector) const {
  const auto it = sectors_.find(sector);
  if (it != sectors_.end()) return it->second;
  // The catalogue's sector label mapped the way FundingCourseFromCourse maps it, so a course
  // page and a search never disagree; -1 when it is no sector we know.
  Course course;
  course.sector = std::string(sector);
  const std::string name = funding::FundingCourseFromCourse(course).sector;
  const std::vector<std::string>& values = funding::SectorValues();
  int index = -1;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == name && name != "unknown") index = static_cast<int>(i);
  }
  sectors_.emplace(std::string(sector), index);
  return index;
}

std::optional<Cents> FundingNetCost::NetCents(const CourseCostFacts& c) const {
  if (!c.stated) return std::nullopt;
  funding::CourseFundingFacts facts;
  facts.costs_stated = c.stated;
  CostBreakdown costs;
  costs.registration_cents = c.registration_cents;
  costs.tuition_cents = c.tuition_cents;
  costs.materials_cents = c.materials_cents;
  costs.other_cents = c.other_cents;
  costs.vat_included = c.vat_included;
  costs.vat_exempt = c.vat_exempt;
  const funding::PaidCosts paid = funding::PaidCostsOf(costs);
  facts.registration_cents = paid.parts.registration_cents;
  facts.tuition_cents = paid.parts.tuition_cents;
  facts.materials_cents = paid.parts.materials_cents;
  facts.other_cents = paid.parts.other_cents;
  facts.vat_included = paid.vat_included;
  // Nobody pays for this person on this day (e.g. every scheme has ended): the net cost is what
  // the person pays, and the per-course tests below can be skipped.
  if (!calculator_.may_pay()) return paid.parts.Total();
  facts.registers = Registers(c.funding_flags, c.code_type);
  facts.recognised_ocw = (c.funding_flags & kFundingOcwRecognised) != 0;
  facts.nlqf = funding::PlacedNlqf(c.funding_flags, c.nlqf).value_or(0);
  facts.level = LevelIndex(c.level);
  facts.sector = SectorIndex(c.sector);
  facts.start_days = c.start_days ? *c.start_days : funding::kNoStartDay;
  return calculator_.NetCostCents(facts);
}

Status UseNetCost(const FundingAnswers& answers, const funding::FundingEngine& engine, Date today,
                  std::optional<FundingNetCost>* model, SearchQuery* query) {
  if (!answers.given) {
    if (query->net_cost_max)
      return InvalidArgument("net_max", "needs your funding answers (age, work, ...)");
    if (query->sort == SortOrder::kNetCost)
      return InvalidArgument("sort", "sorting by net cost needs your funding answers");
    return Status();
  }
  model->emplace(engine, answers.person, today);
  query->net_cost = &**model;
  return Status();
}

}  // namespace verder
