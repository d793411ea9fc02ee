// catalog/help_desks.h — where a person gets help: the regional desk of each labour-market region.
//
// The desks' details are data the operator maintains (data/help_desks.json), not text in code.
// Loading checks them against the 35 CBS regions: every region has exactly one desk, no unknown
// region names, web addresses are http(s). All problems are reported at once, with their field.
//
//   HelpDesks desks = HelpDesks::Parse(json_text, geo.data().regions).value();
//   const HelpDesk* desk = desks.ForRegion(region_id);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/geo.h"
#include "core/status.h"

namespace verder {

struct HelpDesk {
  int region_id = 0;
  std::string region;   // the CBS name
  std::string name;     // "Leerwerkloket Midden-Utrecht"
  std::string kind;     // "leerwerkloket" or "werkcentrum"
  std::string website;  // http(s)
  std::string phone;
  std::string email;
  std::string address;
  bool verified = false;  // the operator checked the details with the desk
};

class HelpDesks {
 public:
  static Result<HelpDesks> Parse(std::string_view json_text,
                                 const std::vector<LabourMarketRegion>& regions);
  static Result<HelpDesks> LoadFile(const std::string& path,
                                    const std::vector<LabourMarketRegion>& regions);

  const HelpDesk* ForRegion(int region_id) const;
  const std::string& national_name() const { return national_name_; }
  const std::string& national_website() const { return national_website_; }

 private:
  std::vector<HelpDesk> by_region_;  // index = region id - 1
  std::string national_name_;
  std::string national_website_;
};

}  // namespace verder
