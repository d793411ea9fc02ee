#include "ingest/duo_import.h"

#include <map>
#include <nlohmann/json.hpp>

#include "ingest/csv_reader.h"
#include "ingest/csv_table.h"

namespace verder {
namespace {

using nlohmann::json;

// Collects providers, courses and offerings by their natural keys, merging repeated rows.
class CatalogBuilder {
 public:
  Provider& ProviderFor(const std::string& brin, const std::string& name) {
    const std::string key = "brin:" + brin;
    auto [it, inserted] = provider_index_.emplace(key, catalog_.providers.size());
    if (inserted) {
      Provider p;
      p.key = key;
      p.brin = brin;
      p.name = name;
      catalog_.providers.push_back(std::move(p));
    }
    return catalog_.providers[it->second];
  }
  // Returns the course and whether it is new (then the caller fills it in).
  std::pair<Course*, bool> CourseFor(const std::string& provider_key,
                                     const std::string& external_id) {
    auto [it, inserted] =
        course_index_.emplace(provider_key + "|" + external_id, catalog_.courses.size());
    if (inserted) {
      ImportedCourse c;
      c.provider_key = provider_key;
      c.course.course.external_id = external_id;
      catalog_.courses.push_back(std::move(c));
    }
    return {&catalog_.courses[it->second].course.course, inserted};
  }
  // Adds an offering once per external id; returns false when it was there already.
  bool AddOffering(const std::string& provider_key, const std::string& course_id, Offering o) {
    auto& offerings =
        catalog_.courses[course_index_.at(provider_key + "|" + course_id)].course.offerings;
    for (const Offering& existing : offerings) {
      if (existing.external_id == o.external_id) return false;
    }
    offerings.push_back(std::move(o));
    return true;
  }
  ImportedCatalog Take() { return std::move(catalog_); }

 private:
  ImportedCatalog catalog_;
  std::map<std::string, size_t> provider_index_;
  std::map<std::string, size_t> course_index_;
};

struct Qualification {
  std::string dossier;
  std::string domain;
};

Result<std::map<std::string, Qualification>> ReadQualifications(
    const std::string& dir, std::vector<ImportReport>* reports) {
  ImportReport report{.source = "mbo-qualifications",
                      .file = "mbo-kwalificaties-2015/kwalificaties_mbo_2015.csv"};
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + report.file));
  std::map<std::string, Qualification> out;
  VERDER_RETURN_IF_ERROR(
      ForEachCsvRow(text, ',', {"kwalificatie_crebo", "kwalificatiedossier", "opleidingsdomein"},
                    &report, [&](const std::vector<std::string>& v, size_t line) {
                      if (v[0].size() != 5)
                        return report.Skip(line, "crebo code '" + v[0] + "' is not 5 digits");
                      ++report.kept;
                      out[v[0]] = {v[1], v[2]};
                    }));
  reports->push_back(report);
  return out;
}

// "EDE GLD" and "HENGELO OV" carry a province suffix; "ZAANDAM" is a town in Zaanstad.
const Municipality* FindPlace(const GeoIndex& geo, const std::string& place) {
  if (const Municipality* m = geo.FindMunicipalityByPlace(place)) return m;
  const size_t space = place.rfind(' ');
  if (space != std::string::npos && place.size() - space <= 4) {
    return geo.FindMunicipalityByPlace(place.substr(0, space));
  }
  return nullptr;
}

Location LocationIn(const GeoIndex& geo, const Municipality& m) {
  Location loc;
  loc.municipality_code = m.code;
  loc.place = m.name;
  if (const Postcode4* pc = geo.FirstPostcodeOf(m.code)) loc.postcode = pc->pc4;
  return loc;
}

int MboLevel(const std::string& text) {
  return text.size() == 1 && text[0] >= '1' && text[0] <= '4' ? text[0] - '0' : 0;
}

void ReadMbo(const std::string& text, const GeoIndex& geo,
             const std::map<std::string, Qualification>& qualifications, CatalogBuilder* builder,
             ImportReport* report) {
  const std::vector<std::string> columns{
      "BRIN NUMMER",       "INSTELLINGSNAAM",   "PLAATSNAAM", "TYPE MBO", "KWALIFICATIENIVEAU",
      "KWALIFICATIE CODE", "KWALIFICATIE NAAM", "MBO SECTOR", "DOMEIN"};
  const Status s = ForEachCsvRow(
      text, ';', columns, report, [&](const std::vector<std::string>& v, size_t line) {
        const std::string& brin = v[0];
        const std::string& crebo = v[5];
        const int level = MboLevel(v[4]);
        if (brin.size() != 4 || crebo.empty() || v[6].empty() || level == 0) {
          return report->Skip(line, "no BRIN, crebo code, name or level 1-4");
        }
        const Municipality* m = FindPlace(geo, v[2]);
        if (m == nullptr) return report->Skip(line, "place '" + v[2] + "' is not a known town");
        ++report->kept;
        Provider& provider = builder->ProviderFor(brin, v[1]);
        const std::string external_id = "crebo:" + crebo;
        auto [course, is_new] = builder->CourseFor(provider.key, external_id);
        if (is_new) {
          ++report->courses;
          const auto q = qualifications.find(crebo);
          course->primary_code = {"crebo", crebo};
          course->title.nl = v[6];
          course->level = static_cast<Level>(static_cast<int>(Level::kMbo1) + level - 1);
          course->nlqf = level;
          course->sector = q != qualifications.end()               ? q->second.domain
                           : v[8].rfind("niet toebedeeld", 0) == 0 ? v[7]
                                                                   : v[8];
          course->credential = Credential::kDiploma;
          course->costs.stated = false;
          course->funding_flags = kFundingOcwRecognised | kFundingNlqfPlaced;
          const std::string lvl = std::to_string(level);
          course->description.nl = v[6] + " is een mbo-opleiding op niveau " + lvl + " bij " +
                                   v[1] + " in " + m->name + ".";
          course->description.en = v[6] + " is a secondary vocational (mbo) programme at level " +
                                   lvl + " at " + v[1] + " in " + m->name + ".";
          if (q != qualifications.end()) {
            course->description.nl +=
                " De opleiding hoort bij het kwalificatiedossier " + q->second.dossier + ".";
            course->description.en +=
                " It belongs to the qualification file " + q->second.dossier + ".";
          }
          course->goal.nl = "Na de opleiding heb je een mbo-diploma op niveau " + lvl + ".";
          course->goal.en = "You finish with an mbo diploma at level " + lvl + ".";
        }
        Offering o;
        o.location = LocationIn(geo, *m);
        if (v[3] == "BBL") {
          o.external_id = "bbl";
        } else {
          o.external_id = v[3] == "BOLDT" ? "bol-deeltijd" : "bol-voltijd";
          o.daypart = v[3] == "BOLDT" ? Daypart::kAny : Daypart::kDaytime;
          // A school-based (bol) course is one Levenlanglerenkrediet can lend for (004, L164).
          course->funding_flags |= kFundingLlkEligible;
        }
        if (builder->AddOffering(provider.key, external_id, std::move(o))) ++report->offerings;
      });
  if (!s.ok()) report->Skip(0, s.error().ToString());
}

struct HoRow {
  std::string brin, institution, municipality_code, code, name, form, type;
};

void AddHoRow(const HoRow& r, bool university, const GeoIndex& geo, CatalogBuilder* builder,
              ImportReport* report, size_t line) {
  if (r.brin.size() != 4 || r.code.empty() || r.name.empty()) {
    return report->Skip(line, "no BRIN, programme code or name");
  }
  const Municipality* m = geo.FindMunicipality(r.municipality_code);
  if (m == nullptr)
    return report->Skip(line, "municipality " + r.municipality_code + " is unknown");
  std::string title = r.name;
  Level level = university ? Level::kWoBachelor : Level::kHboBachelor;
  if (title.rfind("Ad ", 0) == 0) {
    level = Level::kHboAssociate;
    title = title.substr(3);
  } else if (title.rfind("M ", 0) == 0) {
    level = university ? Level::kWoMaster : Level::kHboMaster;
    title = title.substr(2);
  } else if (title.rfind("B ", 0) == 0) {
    title = title.substr(2);
  } else if (r.type == "master") {
    level = university ? Level::kWoMaster : Level::kHboMaster;
  }
  ++report->kept;
  Provider& provider = builder->ProviderFor(r.brin, r.institution);
  const std::string external_id = "croho:" + r.code;
  auto [course, is_new] = builder->CourseFor(provider.key, external_id);
  if (is_new) {
    ++report->courses;
    course->primary_code = {"croho", r.code};
    course->title.nl = title;
    course->level = level;
    course->nlqf = level == Level::kHboAssociate                               ? 5
                   : (level == Level::kHboMaster || level == Level::kWoMaster) ? 7
                                                                               : 6;
    course->credential = Credential::kDiploma;
    course->costs.stated = false;
    course->funding_flags = kFundingOcwRecognised | kFundingNlqfPlaced | kFundingLlkEligible;
    const char* kind_nl = level == Level::kHboAssociate ? "associate degree"
                          : course->nlqf == 7           ? "master"
                                                        : "bachelor";
    course->description.nl = title + " is een " + kind_nl + "-opleiding aan " + r.institution +
                             (university ? " (universiteit)." : " (hogeschool).");
    course->description.en =
        title + " is a " + kind_nl + " programme at " + r.institution +
        (university ? " (research university)." : " (university of applied sciences).");
  }
  Offering o;
  o.location = LocationIn(geo, *m);
  const std::string form = r.form.substr(0, r.form.find(' '));  // "voltijd onderwijs" → "voltijd"
  o.external_id = m->code + "-" + form;
  o.daypart = form == "voltijd" ? Daypart::kDaytime : Daypart::kAny;
  if (builder->AddOffering(provider.key, external_id, std::move(o))) ++report->offerings;
}

Status ReadHoCsv(const std::string& dir, const std::string& file, bool university,
                 const GeoIndex& geo, CatalogBuilder* builder, std::vector<ImportReport>* reports) {
  ImportReport report{.source = university ? "duo-wo" : "duo-hbo", .file = file};
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + file));
  const bool has_type = file.find("inscriptions") != std::string::npos;
  std::vector<std::string> columns{"BRIN NUMMER ACTUEEL",    "INSTELLINGSNAAM ACTUEEL",
                                   "GEMEENTENUMMER",         "OPLEIDINGSCODE ACTUEEL",
                                   "OPLEIDINGSNAAM ACTUEEL", "OPLEIDINGSVORM"};
  if (has_type) columns.emplace_back("TYPE HOGER ONDERWIJS");
  VERDER_RETURN_IF_ERROR(ForEachCsvRow(
      text, ';', columns, &report, [&](const std::vector<std::string>& v, size_t line) {
        AddHoRow({v[0], v[1], v[2], v[3], v[4], v[5], has_type ? v[6] : ""}, university, geo,
                 builder, &report, line);
      }));
  reports->push_back(report);
  return Status();
}

Status ReadHboJson(const std::string& dir, const GeoIndex& geo, CatalogBuilder* builder,
                   std::vector<ImportReport>* reports) {
  ImportReport report{.source = "duo-hbo-enrolled",
                      .file = "duo-hbo-ingeschrevenen/ingeschrevenen-hbo-2015-2019.json"};
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/" + report.file));
  const json rows = json::parse(text, nullptr, false);
  if (!rows.is_array()) return InvalidArgument(report.file, "expected a JSON array of rows");
  const auto field = [](const json& row, const char* name) {
    const auto it = row.find(name);
    if (it == row.end()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return std::string();
  };
  size_t index = 0;
  for (const json& row : rows) {
    ++index;
    ++report.rows;
    if (!row.is_object()) {
      report.Skip(index, "row is not an object");
      continue;
    }
    AddHoRow({field(row, "BRIN NUMMER ACTUEEL"), field(row, "INSTELLINGSNAAM ACTUEEL"),
              field(row, "GEMEENTENUMMER"), field(row, "OPLEIDINGSCODE ACTUEEL"),
              field(row, "OPLEIDINGSNAAM ACTUEEL"), field(row, "OPLEIDINGSVORM"),
              field(row, "TYPE HOGER ONDERWIJS")},
             false, geo, builder, &report, index);
  }
  reports->push_back(report);
  return Status();
}

}  // namespace

Result<ImportedCatalog> ReadDuoCatalog(const std::string& data_dir, const GeoIndex& geo,
                                       std::vector<ImportReport>* reports) {
  VERDER_ASSIGN_OR_RETURN(auto qualifications, ReadQualifications(data_dir, reports));
  CatalogBuilder builder;
  ImportReport mbo{.source = "duo-mbo", .file = "duo-ho-mbo-2019/mbo_inscriptions_2019.csv"};
  VERDER_ASSIGN_OR_RETURN(std::string mbo_text, ReadFile(data_dir + "/" + mbo.file));
  ReadMbo(mbo_text, geo, qualifications, &builder, &mbo);
  reports->push_back(mbo);
  for (const char* file : {"duo-ho-mbo-2019/hbo_inscriptions_2019.csv",
                           "duo-ho-mbo-2019/hbo_gediplomeerden_2019.csv"}) {
    VERDER_RETURN_IF_ERROR(ReadHoCsv(data_dir, file, false, geo, &builder, reports));
  }
  VERDER_RETURN_IF_ERROR(ReadHboJson(data_dir, geo, &builder, reports));
  for (const char* file :
       {"duo-ho-mbo-2019/wo_inscriptions_2019.csv", "duo-ho-mbo-2019/wo_gediplomeerden_2019.csv"}) {
    VERDER_RETURN_IF_ERROR(ReadHoCsv(data_dir, file, true, geo, &builder, reports));
  }
  return builder.Take();
}

}  // namespace verder
