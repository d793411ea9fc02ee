#include "catalog/help_desks.h"

#include <map>
#include <nlohmann/json.hpp>

#include "catalog/validation.h"
#include "core/file.h"

namespace verder {
namespace {

using nlohmann::json;

std::string StringField(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Collects every problem, so the operator fixes the file in one go.
struct HelpDeskProblems {
  std::vector<std::string> list;
  void Add(const std::string& field, const std::string& message) {
    list.push_back(field + ": " + message);
  }
  Status ToStatus() const {
    if (list.empty()) return Status();
    std::string all;
    for (const std::string& p : list) all += (all.empty() ? "" : "; ") + p;
    return InvalidArgument("help_desks", all);
  }
};

}  // namespace

Result<HelpDesks> HelpDesks::Parse(std::string_view json_text,
                                   const std::vector<LabourMarketRegion>& regions) {
  const json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return InvalidArgument("help_desks", "not a JSON object");
  HelpDeskProblems problems;
  HelpDesks out;
  const json national = doc.value("national", json::object());
  out.national_name_ = StringField(national, "name");
  out.national_website_ = StringField(national, "website");
  if (out.national_name_.empty()) problems.Add("national.name", "required");
  if (!IsHttpUrl(out.national_website_)) problems.Add("national.website", "must be an https URL");

  std::map<std::string, int, std::less<>> region_id;
  for (const LabourMarketRegion& r : regions) region_id[r.name] = r.id;
  out.by_region_.resize(regions.size());
  const json desks = doc.value("desks", json::array());
  if (!desks.is_array()) problems.Add("desks", "must be a list");
  for (size_t i = 0; desks.is_array() && i < desks.size(); ++i) {
    const std::string at = "desks[" + std::to_string(i) + "]";
    const json& d = desks[i];
    if (!d.is_object()) {
      problems.Add(at, "must be an object");
      continue;
    }
    HelpDesk desk{.region = StringField(d, "region"),
                  .name = StringField(d, "name"),
                  .kind = StringField(d, "kind"),
                  .website = StringField(d, "website"),
                  .phone = StringField(d, "phone"),
                  .email = StringField(d, "email"),
                  .address = StringField(d, "address"),
                  .verified = d.value("verified", false)};
    const auto region = region_id.find(desk.region);
    if (region == region_id.end()) {
      problems.Add(at + ".region", "unknown labour-market region '" + desk.region + "'");
      continue;
    }
    desk.region_id = region->second;
    if (desk.name.empty()) problems.Add(at + ".name", "required");
    if (desk.kind != "leerwerkloket" && desk.kind != "werkcentrum")
      problems.Add(at + ".kind", "must be leerwerkloket or werkcentrum");
    if (!IsHttpUrl(desk.website)) problems.Add(at + ".website", "must be an https URL");
    if (!desk.email.empty() && desk.email.find('@') == std::string::npos)
      problems.Add(at + ".email", "not an e-mail address");
    HelpDesk& slot = out.by_region_[static_cast<size_t>(desk.region_id - 1)];
    if (slot.region_id != 0) {
      problems.Add(at + ".region", "a second desk for '" + desk.region + "'");
      continue;
    }
    slot = std::move(desk);
  }
  for (const LabourMarketRegion& r : regions) {
    if (out.by_region_[static_cast<size_t>(r.id - 1)].region_id == 0)
      problems.Add("desks", "no desk for region '" + r.name + "'");
  }
  VERDER_RETURN_IF_ERROR(problems.ToStatus());
  return out;
}

Result<HelpDesks> HelpDesks::LoadFile(const std::string& path,
                                      const std::vector<LabourMarketRegion>& regions) {
  VERDER_ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
  Result<HelpDesks> desks = Parse(text, regions);
  if (!desks.ok()) return InvalidArgument(path, desks.error().message);
  return desks;
}

const HelpDesk* HelpDesks::ForRegion(int region_id) const {
  if (region_id < 1 || static_cast<size_t>(region_id) > by_region_.size()) return nullptr;
  return &by_region_[static_cast<size_t>(region_id - 1)];
}

}  // namespace verder
