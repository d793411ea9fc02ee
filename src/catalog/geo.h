// catalog/geo.h — where things are: labour-market regions, municipalities, postcodes.
//
// Reference data from CBS (municipality → one of 35 labour-market regions) and GeoNames (PC4 →
// coordinates and place). GeoIndex answers the questions the rest of the program asks of it.
//
//   GeoIndex geo(std::move(reference));
//   const Postcode4* pc = geo.FindPostcode("3511");
//   double km = DistanceKm(pc->lat, pc->lon, other->lat, other->lon);
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace verder {

struct LabourMarketRegion {
  int id = 0;  // 1..35, in alphabetical order of the CBS names
  std::string name;
};

struct Municipality {
  std::string code;  // CBS gemeentecode, 4 digits ("0363")
  std::string name;  // "Amsterdam"
  std::string province;
  int region_id = 0;
};

struct Postcode4 {
  std::string pc4;  // "1012"
  double lat = 0;
  double lon = 0;
  std::string place;
  std::string municipality_code;
};

// An entry in the skills language: an occupation or a skill with the labels people use.
struct VocabularyTerm {
  std::string source;  // "esco" or "competentnl"
  std::string uri;
  std::string label;
  std::vector<std::string> alt_labels;
  std::string isco_code;  // ESCO occupations only
};

struct ReferenceData {
  std::vector<LabourMarketRegion> regions;
  std::vector<Municipality> municipalities;
  std::vector<Postcode4> postcodes;
  std::vector<VocabularyTerm> occupations;
  std::vector<VocabularyTerm> skills;
};

// Great-circle distance (haversine) in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// Read-only lookups over ReferenceData. Thread-safe after construction.
class GeoIndex {
 public:
  explicit GeoIndex(ReferenceData data);

  const ReferenceData& data() const { return data_; }
  const Postcode4* FindPostcode(std::string_view pc4) const;
  const Municipality* FindMunicipality(std::string_view code) const;
  const LabourMarketRegion* FindRegion(int id) const;
  // A place name as DUO and people write it ("ROTTERDAM", "Den Haag", "'s-Hertogenbosch").
  const Municipality* FindMunicipalityByPlace(std::string_view place) const;
  // The lowest PC4 of a municipality: where we put a course when only the town is known.
  const Postcode4* FirstPostcodeOf(std::string_view municipality_code) const;

 private:
  ReferenceData data_;
  std::unordered_map<std::string, size_t> postcode_by_pc4_;
  std::unordered_map<std::string, size_t> municipality_by_code_;
  std::unordered_map<std::string, size_t> municipality_by_place_;
  std::unordered_map<std::string, size_t> first_postcode_by_municipality_;
};

// Lower-case ASCII-ish key for place names: "'s-Hertogenbosch" and "S HERTOGENBOSCH" meet.
std::string PlaceKey(std::string_view place);

}  // namespace verder
