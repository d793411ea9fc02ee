#include "web/search_params.h"

#include <algorithm>
#include <charconv>

#include "core/utf8.h"

namespace verder {
namespace {

constexpr int kMaxResults = 10000;  // page × per_page: deep paging is a scraper, not a person

std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Result<int64_t> ParseInt(const std::string& field, const std::string& text, int64_t lo,
                         int64_t hi) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    return InvalidArgument(
        field, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

Status ParseOne(const std::string& key, const std::string& value, const GeoIndex& geo,
                SearchQuery* q) {
  if (key == "q") {
    if (!IsValidUtf8(value)) return InvalidArgument("q", "is not valid UTF-8 text");
    if (value.size() > 10240) return InvalidArgument("q", "is longer than 10 KB");
    q->text = value;
  } else if (key == "region") {
    for (const std::string& r : SplitList(value)) {
      VERDER_ASSIGN_OR_RETURN(int64_t id, ParseInt("region", r, 1, 64));
      if (geo.FindRegion(static_cast<int>(id)) == nullptr)
        return InvalidArgument("region", "unknown region " + r);
      q->regions.push_back(static_cast<int>(id));
    }
  } else if (key == "near") {
    if (value.empty()) return Status();
    if (geo.FindPostcode(value.substr(0, 4)) == nullptr || value.size() < 4 ||
        (value.size() > 4 &&
         value.find_first_not_of(" ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 4) !=
             std::string::npos)) {
      return InvalidArgument("near", "must be a known Dutch postcode, like 3511");
    }
    q->near_pc4 = value.substr(0, 4);
  } else if (key == "radius_km") {
    VERDER_ASSIGN_OR_RETURN(int64_t km, ParseInt("radius_km", value, 1, 300));
    q->radius_km = static_cast<double>(km);
  } else if (key == "price_min" || key == "price_max") {
    if (value.empty()) return Status();
    const Result<Cents> cents = ParseEuros(value);
    if (!cents.ok()) return InvalidArgument(key, cents.error().message);
    (key == "price_min" ? q->price_min : q->price_max) = cents.value();
  } else if (key == "level") {
    for (const std::string& l : SplitList(value)) {
      const auto level = ParseLevel(l);
      if (!level) return InvalidArgument("level", "unknown level '" + l + "'");
      q->levels.push_back(*level);
    }
  } else if (key == "mode") {
    for (const std::string& m : SplitList(value)) {
      const auto mode = ParseDeliveryMode(m);
      if (!mode) return InvalidArgument("mode", "unknown mode '" + m + "'");
      q->modes.push_back(*mode);
    }
  } else if (key == "lang") {
    for (const std::string& l : SplitList(value)) {
      if (l.size() != 2 ||
          !std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return InvalidArgument("lang", "a language is a two-letter code like nl");
      }
      q->languages.push_back(l);
    }
  } else if (key == "start_from" || key == "start_to") {
    if (value.empty()) return Status();
    const Result<Date> d = Date::Parse(value);
    if (!d.ok()) return InvalidArgument(key, d.error().message);
    (key == "start_from" ? q->start_from : q->start_to) = d.value();
  } else if (key == "funding") {
    for (const std::string& f : SplitList(value)) {
      const auto bit = ParseFundingFlag(f);
      if (!bit) return InvalidArgument("funding", "unknown register '" + f + "'");
      q->funding_flags |= *bit;
    }
  } else if (key == "provider") {
    for (const std::string& p : SplitList(value)) {
      VERDER_ASSIGN_OR_RETURN(int64_t id, ParseInt("provider", p, 1, INT64_MAX));
      q->providers.push_back(id);
    }
  } else if (key == "duration_max") {
    VERDER_ASSIGN_OR_RETURN(int64_t w, ParseInt("duration_max", value, 0, 520));
    q->duration_weeks_max = static_cast<int>(w);
  } else if (key == "load_max") {
    VERDER_ASSIGN_OR_RETURN(int64_t h, ParseInt("load_max", value, 0, 20000));
    q->study_load_hours_max = static_cast<int>(h);
  } else if (key == "demo") {
    if (value != "0" && value != "1") return InvalidArgument("demo", "must be 0 or 1");
    q->include_demo = value == "1";
  } else if (key == "sort") {
    static const std::pair<const char*, SortOrder> kSorts[] = {
        {"relevance", SortOrder::kRelevance},    {"price", SortOrder::kPriceAscending},
        {"-price", SortOrder::kPriceDescending}, {"start", SortOrder::kStartDate},
        {"distance", SortOrder::kDistance},      {"net", SortOrder::kNetCost}};
    const auto it = std::find_if(std::begin(kSorts), std::end(kSorts),
                                 [&](const auto& s) { return value == s.first; });
    if (it == std::end(kSorts))
      return InvalidArgument("sort", "must be relevance, price, -price, start, distance or net");
    q->sort = it->second;
  } else if (key == "net_max") {
    // What the course may cost the person after funding; needs their answers (funding_params.h).
    const Result<Cents> cents = ParseEuros(value);
    if (!cents.ok() || cents.value() < 0)
      return InvalidArgument("net_max", "must be an amount in euros, like 250 or 99,50");
    q->net_cost_max = cents.value();
  } else if (key == "page") {
    VERDER_ASSIGN_OR_RETURN(int64_t p, ParseInt("page", value, 1, kMaxResults));
    q->page = static_cast<int>(p);
  } else if (key == "per_page") {
    VERDER_ASSIGN_OR_RETURN(int64_t n, ParseInt("per_page", value, 1, 100));
    q->per_page = static_cast<int>(n);
  } else {
    return InvalidArgument(key.size() > 40 ? key.substr(0, 40) : key, "is not a search parameter");
  }
  return Status();
}

}  // namespace

Result<SearchQuery> ParseSearchParams(const QueryParams& params, const GeoIndex& geo, Date today,
                                      const std::vector<std::string>& ignored) {
  SearchQuery q;
  q.today = today;
  for (const auto& [key, value] : params) {
    if (std::find(ignored.begin(), ignored.end(), key) != ignored.end()) continue;
    VERDER_RETURN_IF_ERROR(ParseOne(key, value, geo, &q));
  }
  if (q.sort == SortOrder::kDistance && q.near_pc4.empty()) {
    return InvalidArgument("sort", "sorting by distance needs a postcode (near)");
  }
  if (q.radius_km > 0 && q.near_pc4.empty())
    return InvalidArgument("radius_km", "a radius needs a postcode (near)");
  if (q.price_min && q.price_max && *q.price_min > *q.price_max) {
    return InvalidArgument("price_min", "is higher than price_max");
  }
  if (q.start_from && q.start_to && *q.start_from > *q.start_to) {
    return InvalidArgument("start_from", "is after start_to");
  }
  if (static_cast<int64_t>(q.page) * q.per_page > kMaxResults) {
    return InvalidArgument(
        "page", "only the first " + std::to_string(kMaxResults) + " results can be paged through");
  }
  return q;
}

QueryParams SearchParamsOf(const SearchQuery& q) {
  QueryParams out;
  const auto join = [](const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ",") + i;
    return s;
  };
  if (!q.text.empty()) out.emplace_back("q", q.text);
  std::vector<std::string> list;
  for (int r : q.regions) list.push_back(std::to_string(r));
  if (!list.empty()) out.emplace_back("region", join(list));
  if (!q.near_pc4.empty()) out.emplace_back("near", q.near_pc4);
  if (q.radius_km > 0) out.emplace_back("radius_km", std::to_string(static_cast<int>(q.radius_km)));
  if (q.price_min) out.emplace_back("price_min", FormatEurosPlain(*q.price_min));
  if (q.price_max) out.emplace_back("price_max", FormatEurosPlain(*q.price_max));
  list.clear();
  for (Level l : q.levels) list.emplace_back(LevelName(l));
  if (!list.empty()) out.emplace_back("level", join(list));
  list.clear();
  for (DeliveryMode m : q.modes) list.emplace_back(DeliveryModeName(m));
  if (!list.empty()) out.emplace_back("mode", join(list));
  if (!q.languages.empty()) out.emplace_back("lang", join(q.languages));
  if (q.start_from) out.emplace_back("start_from", q.start_from->ToString());
  if (q.start_to) out.emplace_back("start_to", q.start_to->ToString());
  if (q.funding_flags != 0) out.emplace_back("funding", join(FundingFlagNames(q.funding_flags)));
  list.clear();
  for (ProviderId p : q.providers) list.push_back(std::to_string(p));
  if (!list.empty()) out.emplace_back("provider", join(list));
  if (q.net_cost_max) out.emplace_back("net_max", FormatEurosPlain(*q.net_cost_max));
  if (q.duration_weeks_max) out.emplace_back("duration_max", std::to_string(*q.duration_weeks_max));
  if (q.study_load_hours_max) out.emplace_back("load_max", std::to_string(*q.study_load_hours_max));
  if (!q.include_demo) out.emplace_back("demo", "0");
  static constexpr const char* kSortNames[] = {"relevance", "price",    "-price",
                                               "start",     "distance", "net"};
  if (q.sort != SortOrder::kRelevance)
    out.emplace_back("sort", kSortNames[static_cast<int>(q.sort)]);
  if (q.page != 1) out.emplace_back("page", std::to_string(q.page));
  if (q.per_page != 10) out.emplace_back("per_page", std::to_string(q.per_page));
  return out;
}

}  // namespace verder
