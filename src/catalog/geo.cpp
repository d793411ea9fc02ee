#include "catalog/geo.h"

#include <cctype>
#include <cmath>
#include <numbers>
#include <utility>

namespace verder {

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, a)));
}

std::string PlaceKey(std::string_view place) {
  std::string key;
  for (char c : place) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) key += static_cast<char>(std::tolower(u));
  }
  return key;
}

GeoIndex::GeoIndex(ReferenceData data) : data_(std::move(data)) {
  for (size_t i = 0; i < data_.municipalities.size(); ++i) {
    municipality_by_code_.emplace(data_.municipalities[i].code, i);
    municipality_by_place_.emplace(PlaceKey(data_.municipalities[i].name), i);
  }
  for (size_t i = 0; i < data_.postcodes.size(); ++i) {
    const Postcode4& pc = data_.postcodes[i];
    postcode_by_pc4_.emplace(pc.pc4, i);
    auto [it, inserted] = first_postcode_by_municipality_.emplace(pc.municipality_code, i);
    if (!inserted && pc.pc4 < data_.postcodes[it->second].pc4) it->second = i;
    // Towns inside a municipality ("Hoogvliet" in Rotterdam) are found by their own name too;
    // a municipality's own name wins over a town of the same name elsewhere.
    const auto m = municipality_by_code_.find(pc.municipality_code);
    if (m != municipality_by_code_.end())
      municipality_by_place_.emplace(PlaceKey(pc.place), m->second);
  }
}

const Postcode4* GeoIndex::FindPostcode(std::string_view pc4) const {
  const auto it = postcode_by_pc4_.find(std::string(pc4));
  return it == postcode_by_pc4_.end() ? nullptr : &data_.postcodes[it->second];
}

const Municipality* GeoIndex::FindMunicipality(std::string_view code) const {
  const auto it = municipality_by_code_.find(std::string(code));
  return it == municipality_by_code_.end() ? nullptr : &data_.municipalities[it->second];
}

const LabourMarketRegion* GeoIndex::FindRegion(int id) const {
  for (const auto& r : data_.regions) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const Municipality* GeoIndex::FindMunicipalityByPlace(std::string_view place) const {
  const auto it = municipality_by_place_.find(PlaceKey(place));
  return it == municipality_by_place_.end() ? nullptr : &data_.municipalities[it->second];
}

const Postcode4* GeoIndex::FirstPostcodeOf(std::string_view municipality_code) const {
  const auto it = first_postcode_by_municipality_.find(std::string(municipality_code));
  return it == first_postcode_by_municipality_.end() ? nullptr : &data_.postcodes[it->second];
}

}  // namespace verder
