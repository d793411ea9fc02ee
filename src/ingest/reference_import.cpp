#include "ingest/reference_import.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ingest/csv_reader.h"
#include "ingest/csv_table.h"

namespace verder {
namespace {

using nlohmann::json;

std::string Trim(std::string s) {
  const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string item = Trim(text.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

bool IsFourDigits(const std::string& s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status ReadMunicipalities(const std::string& dir, ReferenceData* out,
                          std::vector<ImportReport>* reports) {
  ImportReport regions{.source = "cbs-regions",
                       .file = "cbs-arbeidsmarktregio/arbeidsmarktregio_gemeente.json"};
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + regions.file));
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.contains("gemeenten") || !j["gemeenten"].is_object()) {
    return InvalidArgument(regions.file, "expected a JSON object with \"gemeenten\"");
  }
  std::map<std::string, std::string> region_of;  // gemeentecode → region name
  std::set<std::string> names;
  for (const auto& [code, name] : j["gemeenten"].items()) {
    ++regions.rows;
    if (!IsFourDigits(code) || !name.is_string()) {
      regions.Skip(0, "municipality '" + code + "' has no 4-digit code or no region name");
      continue;
    }
    ++regions.kept;
    region_of[code] = name.get<std::string>();
    names.insert(name.get<std::string>());
  }
  std::map<std::string, int> region_id;
  for (const std::string& name : names) {
    const int id = static_cast<int>(out->regions.size()) + 1;
    out->regions.push_back({id, name});
    region_id[name] = id;
  }
  reports->push_back(regions);

  ImportReport provinces{.source = "cbs-provinces",
                         .file = "cbs-gemeenten-2025/gm_codes_and_provinces.csv"};
  VERDER_ASSIGN_OR_RETURN(std::string ptext, ReadFile(dir + "/" + provinces.file));
  std::map<std::string, std::string> province_of;
  VERDER_RETURN_IF_ERROR(ForEachCsvRow(ptext, ';', {"GM_code", "province"}, &provinces,
                                       [&](const std::vector<std::string>& v, size_t) {
                                         ++provinces.kept;
                                         province_of[v[0].substr(v[0].rfind('M') + 1)] = Trim(v[1]);
                                       }));
  reports->push_back(provinces);

  ImportReport names_report{.source = "cbs-municipalities",
                            .file = "cbs-gemeenten-2025/gemeenten.csv"};
  VERDER_ASSIGN_OR_RETURN(std::string mtext, ReadFile(dir + "/" + names_report.file));
  VERDER_RETURN_IF_ERROR(ForEachCsvRow(
      mtext, ',', {"gm_code", "gm_naam"}, &names_report,
      [&](const std::vector<std::string>& v, size_t line) {
        const std::string code = v[0].size() == 6 ? v[0].substr(2) : "";
        const auto region = region_of.find(code);
        if (!IsFourDigits(code) || region == region_of.end()) {
          return names_report.Skip(line, "municipality '" + v[0] + "' has no labour-market region");
        }
        ++names_report.kept;
        out->municipalities.push_back(
            {code, Trim(v[1]), province_of[code], region_id[region->second]});
      }));
  reports->push_back(names_report);
  return Status();
}

Status ReadPostcodes(const std::string& dir, ReferenceData* out,
                     std::vector<ImportReport>* reports) {
  ImportReport report{.source = "geonames-postcodes", .file = "geonames-nl-postcodes/NL.txt"};
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + report.file));
  CsvReader tsv(text, '\t');
  CsvRecord rec;
  std::set<std::string> seen;
  while (tsv.Next(&rec)) {
    ++report.rows;
    if (rec.fields.size() < 11) {
      report.Skip(rec.line, "fewer than 11 tab-separated fields");
      continue;
    }
    const std::string& pc4 = rec.fields[1];
    char* end_lat = nullptr;
    char* end_lon = nullptr;
    const double lat = std::strtod(rec.fields[9].c_str(), &end_lat);
    const double lon = std::strtod(rec.fields[10].c_str(), &end_lon);
    if (!IsFourDigits(pc4) || *end_lat != '\0' || *end_lon != '\0' || lat < 50 || lat > 54 ||
        lon < 3 || lon > 8) {
      report.Skip(rec.line, "postcode or coordinates are not valid for the Netherlands");
      continue;
    }
    if (!seen.insert(pc4).second) continue;  // a PC4 spanning two places: the first wins
    ++report.kept;
    out->postcodes.push_back({pc4, lat, lon, rec.fields[2], rec.fields[6]});
  }
  reports->push_back(report);
  return Status();
}

Status ReadEsco(const std::string& dir, ReferenceData* out, std::vector<ImportReport>* reports) {
  for (const bool occupations : {true, false}) {
    ImportReport report{
        .source = occupations ? "esco-occupations" : "esco-skill-groups",
        .file = occupations ? "esco-nl/occupations_nl.csv" : "esco-nl/skillGroups_nl.csv"};
    VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + report.file));
    std::vector<std::string> columns{"conceptUri", "preferredLabel", "altLabels"};
    if (occupations) columns.emplace_back("iscoGroup");
    VERDER_RETURN_IF_ERROR(ForEachCsvRow(
        text, ',', columns, &report, [&](const std::vector<std::string>& v, size_t line) {
          if (v[0].empty() || Trim(v[1]).empty()) return report.Skip(line, "no URI or no label");
          ++report.kept;
          VocabularyTerm t{"esco", v[0], Trim(v[1]), SplitLines(v[2]), occupations ? v[3] : ""};
          (occupations ? out->occupations : out->skills).push_back(std::move(t));
        }));
    reports->push_back(report);
  }
  return Status();
}

Status ReadCompetentNl(const std::string& dir, ReferenceData* out,
                       std::vector<ImportReport>* reports) {
  for (const bool occupations : {true, false}) {
    ImportReport report{
        .source = occupations ? "competentnl-occupations" : "competentnl-capabilities",
        .file = occupations ? "competentnl/occupation_labels.csv"
                            : "competentnl/capability_labels.csv"};
    VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + report.file));
    std::map<std::string, VocabularyTerm> by_uri;  // ordered: deterministic output
    VERDER_RETURN_IF_ERROR(ForEachCsvRow(
        text, ',', {"uri", "pref_label", "label", "label_type"}, &report,
        [&](const std::vector<std::string>& v, size_t line) {
          if (v[0].empty() || Trim(v[1]).empty()) return report.Skip(line, "no URI or no label");
          ++report.kept;
          VocabularyTerm& t = by_uri[v[0]];
          t.source = "competentnl";
          t.uri = v[0];
          t.label = Trim(v[1]);
          const std::string label = Trim(v[2]);
          if (v[3] == "altLabel" && !label.empty() && label != t.label &&
              std::find(t.alt_labels.begin(), t.alt_labels.end(), label) == t.alt_labels.end()) {
            t.alt_labels.push_back(label);
          }
        }));
    for (auto& [uri, term] : by_uri)
      (occupations ? out->occupations : out->skills).push_back(std::move(term));
    reports->push_back(report);
  }
  return Status();
}

}  // namespace

Result<ReferenceData> ReadReferenceData(const std::string& data_dir,
                                        std::vector<ImportReport>* reports) {
  ReferenceData data;
  VERDER_RETURN_IF_ERROR(ReadMunicipalities(data_dir, &data, reports));
  VERDER_RETURN_IF_ERROR(ReadPostcodes(data_dir, &data, reports));
  VERDER_RETURN_IF_ERROR(ReadEsco(data_dir, &data, reports));
  VERDER_RETURN_IF_ERROR(ReadCompetentNl(data_dir, &data, reports));
  return data;
}

}  // namespace verder
