#include "ingest/internal/csv_course.h"

#include <array>
#include <charconv>
#include <optional>
#include <tuple>
#include <utility>

#include "core/date.h"
#include "core/money.h"
#include "ingest/internal/ooapi_names.h"

namespace verder::ingest_internal {
namespace {

constexpr std::array<const char*, kCsvColumnCount> kNames{"course_id",
                                                          "code_type",
                                                          "code",
                                                          "name_nl",
                                                          "name_en",
                                                          "description_nl",
                                                          "description_en",
                                                          "goal_nl",
                                                          "goal_en",
                                                          "prerequisites_nl",
                                                          "prerequisites_en",
                                                          "exam",
                                                          "level",
                                                          "nlqf",
                                                          "sector",
                                                          "skills",
                                                          "occupations",
                                                          "follow_up",
                                                          "credential",
                                                          "study_load_hours",
                                                          "duration_weeks",
                                                          "theory_percent",
                                                          "pe_points",
                                                          "language",
                                                          "mode",
                                                          "funding",
                                                          "quality_marks",
                                                          "cost_registration",
                                                          "cost_tuition",
                                                          "cost_materials",
                                                          "cost_other",
                                                          "vat_included",
                                                          "vat_exempt",
                                                          "offering_id",
                                                          "start_date",
                                                          "end_date",
                                                          "daypart",
                                                          "seats",
                                                          "price",
                                                          "postcode",
                                                          "city",
                                                          "address",
                                                          "enrol_url",
                                                          "offering_status"};

constexpr size_t kFirstOfferingColumn = static_cast<size_t>(CsvColumn::kOfferingId);

size_t Index(CsvColumn column) { return static_cast<size_t>(column); }

// One cell: its text and where it is, so a problem can name the line and column.
struct Cell {
  const std::string& value;
  CsvColumn column;
  size_t line;
  std::string name() const { return CsvColumnName(column); }
};

void Problem(const Cell& cell, const char* code, const std::string& message, RecordProblems* p) {
  p->Add(cell.name(), code, cell.name() + " '" + cell.value + "' " + message, cell.line);
}

std::optional<int64_t> Int(const Cell& cell, RecordProblems* p) {
  if (cell.value.empty()) return std::nullopt;
  int64_t v = 0;
  const char* end = cell.value.data() + cell.value.size();
  const auto [ptr, ec] = std::from_chars(cell.value.data(), end, v);
  if (ec != std::errc() || ptr != end || v < -1'000'000'000 || v > 1'000'000'000) {
    Problem(cell, "type", "is not a whole number.", p);
    return std::nullopt;
  }
  return v;
}

// Spreadsheets in Dutch write a decimal comma ("495,00"); one comma without a dot is read so.
std::optional<Cents> Amount(const Cell& cell, RecordProblems* p) {
  if (cell.value.empty()) return std::nullopt;
  std::string text = cell.value;
  const size_t comma = text.find(',');
  if (comma != std::string::npos && text.find(',', comma + 1) == std::string::npos &&
      text.find('.') == std::string::npos) {
    text[comma] = '.';
  }
  const Result<Cents> cents = ParseEuros(text);
  if (!cents.ok()) {
    Problem(cell, "price", "is not an amount like 495.00: " + cents.error().message + ".", p);
    return std::nullopt;
  }
  return cents.value();
}

std::optional<bool> YesNo(const Cell& cell, RecordProblems* p) {
  const std::string& v = cell.value;
  if (v.empty()) return std::nullopt;
  if (v == "yes" || v == "ja" || v == "true" || v == "1") return true;
  if (v == "no" || v == "nee" || v == "false" || v == "0") return false;
  Problem(cell, "enum", "is not yes or no.", p);
  return std::nullopt;
}

std::optional<Date> DateCell(const Cell& cell, RecordProblems* p) {
  if (cell.value.empty()) return std::nullopt;
  const Result<Date> d = Date::Parse(cell.value);
  if (!d.ok()) {
    Problem(cell, "date", "is not a date: " + d.error().message + ".", p);
    return std::nullopt;
  }
  return d.value();
}

std::vector<std::string> List(const std::string& value) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find('|', start);
    if (end == std::string::npos) end = value.size();
    std::string item = value.substr(start, end - start);
    const size_t first = item.find_first_not_of(' ');
    if (first != std::string::npos)
      items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
    start = end + 1;
  }
  return items;
}

// Our name first ("mbo-2"), then OOAPI's ("secondary vocational education 2").
template <typename E>
std::optional<E> Choice(const Cell& cell, std::optional<E> (*ours)(std::string_view),
                        std::optional<E> (*ooapi)(std::string_view), const char* allowed,
                        RecordProblems* p) {
  if (cell.value.empty()) return std::nullopt;
  std::optional<E> v = ours(cell.value);
  if (!v && ooapi != nullptr) v = ooapi(cell.value);
  if (!v) Problem(cell, "enum", std::string("is not one of ") + allowed + ".", p);
  return v;
}

// The course columns of a course, agreed across its rows: the first non-empty value counts and
// a different value on a later row is a problem.
class CourseCells {
 public:
  CourseCells(const CsvCourseRows& course, RecordProblems* p) : first_line_(course.rows[0].line) {
    for (size_t c = 0; c < kFirstOfferingColumn; ++c) {
      for (const CsvRow& row : course.rows) {
        const std::string& v = row.values[c];
        if (v.empty()) continue;
        if (values_[c].empty()) {
          values_[c] = v;
          lines_[c] = row.line;
        } else if (v != values_[c]) {
          const std::string name = kNames[c];
          std::string message = name + " differs from line " + std::to_string(lines_[c]);
          message += " of the same course ('" + v + "' here); repeat the same value or leave ";
          message += "it empty.";
          p->Add(name, "inconsistent", std::move(message), row.line);
        }
      }
    }
  }
  Cell operator[](CsvColumn c) const {
    return {values_[Index(c)], c, lines_[Index(c)] != 0 ? lines_[Index(c)] : first_line_};
  }

 private:
  size_t first_line_;
  std::array<std::string, kFirstOfferingColumn> values_;
  std::array<size_t, kFirstOfferingColumn> lines_{};
};

void ReadCourseColumns(const CourseCells& cells, Course* c, RecordProblems* p) {
  const auto text = [&](CsvColumn column, std::string* out, const std::string& model) {
    const Cell cell = cells[column];
    *out = cell.value;
    p->Source(model, cell.name(), cell.line);
  };
  const auto list = [&](CsvColumn column, std::vector<std::string>* out, const std::string& model) {
    const Cell cell = cells[column];
    *out = List(cell.value);
    p->Source(model, cell.name(), cell.line);
  };
  const auto number = [&](CsvColumn column, int* out, const std::string& model) {
    const Cell cell = cells[column];
    if (const auto v = Int(cell, p)) *out = static_cast<int>(*v);
    p->Source(model, cell.name(), cell.line);
  };
  text(CsvColumn::kNameNl, &c->title.nl, "title.nl");
  text(CsvColumn::kNameEn, &c->title.en, "title.en");
  text(CsvColumn::kDescriptionNl, &c->description.nl, "description.nl");
  text(CsvColumn::kDescriptionEn, &c->description.en, "description.en");
  text(CsvColumn::kGoalNl, &c->goal.nl, "goal.nl");
  text(CsvColumn::kGoalEn, &c->goal.en, "goal.en");
  text(CsvColumn::kPrerequisitesNl, &c->prerequisites.nl, "prerequisites.nl");
  text(CsvColumn::kPrerequisitesEn, &c->prerequisites.en, "prerequisites.en");
  text(CsvColumn::kExam, &c->exam, "exam");
  text(CsvColumn::kSector, &c->sector, "sector");
  list(CsvColumn::kSkills, &c->skills, "skills");
  list(CsvColumn::kOccupations, &c->occupations, "occupations");
  list(CsvColumn::kFollowUp, &c->follow_up, "follow_up");
  list(CsvColumn::kQualityMarks, &c->quality_marks, "quality_marks");
  number(CsvColumn::kNlqf, &c->nlqf, "nlqf");
  number(CsvColumn::kStudyLoadHours, &c->study_load_hours, "study_load_hours");
  number(CsvColumn::kDurationWeeks, &c->duration_weeks, "duration_weeks");
  number(CsvColumn::kTheoryPercent, &c->theory_percent, "theory_percent");
  number(CsvColumn::kPePoints, &c->pe_points, "pe_points");
  p->Source("language", CsvColumnName(CsvColumn::kLanguage), cells[CsvColumn::kLanguage].line);
}

void ReadCourseChoices(const CourseCells& cells, Course* c, RecordProblems* p) {
  if (auto v = Choice<Level>(cells[CsvColumn::kLevel], &ParseLevel, &LevelFromOoapi,
                             "none, mbo-1 .. mbo-4, hbo-ad, hbo-bachelor, hbo-master, "
                             "wo-bachelor, wo-master",
                             p)) {
    c->level = *v;
  }
  if (auto v = Choice<DeliveryMode>(cells[CsvColumn::kMode], &ParseDeliveryMode, &ModeFromOoapi,
                                    "classroom, online, blended, self-paced", p)) {
    c->mode = *v;
  }
  if (auto v = Choice<Credential>(cells[CsvColumn::kCredential], &ParseCredential, nullptr,
                                  "none, diploma, certificate, partial-certificate, "
                                  "microcredential, proof-of-participation",
                                  p)) {
    c->credential = *v;
  }
  const Cell language = cells[CsvColumn::kLanguage];
  if (!language.value.empty()) {
    if (const auto iso = LanguageFromOoapi(language.value)) {
      c->language = *iso;
    } else {
      Problem(language, "enum", "is not a language code like nl or en.", p);
    }
  }
  const Cell funding = cells[CsvColumn::kFunding];
  for (const std::string& name : List(funding.value)) {
    if (const auto bit = ParseFundingFlag(name)) {
      c->funding_flags |= *bit;
    } else {
      Problem(funding, "enum", "names a register other than stap, ocw, nlqf, llk, sector.", p);
    }
  }
  const Cell code_type = cells[CsvColumn::kCodeType];
  const Cell code = cells[CsvColumn::kCode];
  if (code.value.empty()) {
    if (!code_type.value.empty())
      p->Add(code.name(), "required", "code is required with code_type.", code.line);
    c->primary_code = {"provider", c->external_id};
  } else {
    c->primary_code = CodeFromOoapi(code_type.value, code.value, c->level);
    p->Source("primary_code.type", code_type.name(), code_type.line);
    p->Source("primary_code.code", code.name(), code.line);
  }
}

struct CsvOffering {
  Offering offering;
  std::optional<Cents> price;
  size_t line = 0;
};

std::optional<CsvOffering> ReadOffering(const CsvRow& row, size_t index, const GeoIndex* geo,
                                        RecordProblems* p) {
  bool any = false;
  for (size_t c = kFirstOfferingColumn; c < kCsvColumnCount; ++c)
    any = any || !row.values[c].empty();
  if (!any) return std::nullopt;  // a row with course columns only: a course without runs
  const auto cell = [&](CsvColumn c) { return Cell{row.values[Index(c)], c, row.line}; };
  const std::string model = "offerings[" + std::to_string(index) + "]";
  const auto source = [&](const char* field, CsvColumn c) {
    p->Source(model + "." + field, CsvColumnName(c), row.line);
  };
  CsvOffering out;
  out.line = row.line;
  Offering& o = out.offering;
  o.external_id = cell(CsvColumn::kOfferingId).value;
  source("external_id", CsvColumn::kOfferingId);
  o.start = DateCell(cell(CsvColumn::kStartDate), p);
  source("start", CsvColumn::kStartDate);
  o.end = DateCell(cell(CsvColumn::kEndDate), p);
  source("end", CsvColumn::kEndDate);
  if (auto d = Choice<Daypart>(cell(CsvColumn::kDaypart), &ParseDaypart, nullptr,
                               "any, daytime, evening, weekend", p)) {
    o.daypart = *d;
  }
  if (const auto seats = Int(cell(CsvColumn::kSeats), p)) o.seats = static_cast<int>(*seats);
  source("seats", CsvColumn::kSeats);
  out.price = Amount(cell(CsvColumn::kPrice), p);
  source("price_cents", CsvColumn::kPrice);
  o.enrol_url = cell(CsvColumn::kEnrolUrl).value;
  source("enrol_url", CsvColumn::kEnrolUrl);
  if (auto s = Choice<OfferingStatus>(cell(CsvColumn::kOfferingStatus), &ParseOfferingStatus,
                                      nullptr, "open, closed, cancelled", p)) {
    o.status = *s;
  }
  const AddressInput address{cell(CsvColumn::kPostcode).value,
                             cell(CsvColumn::kCity).value,
                             cell(CsvColumn::kAddress).value,
                             CsvColumnName(CsvColumn::kPostcode),
                             CsvColumnName(CsvColumn::kCity),
                             CsvColumnName(CsvColumn::kAddress),
                             row.line};
  ResolveLocation(address, model + ".location", geo, &o.location, p);
  return out;
}

void ReadCosts(const CourseCells& cells, std::vector<CsvOffering> offerings,
               CourseWithOfferings* out, RecordProblems* p) {
  CostBreakdown& costs = out->course.costs;
  const std::tuple<CsvColumn, Cents*, const char*> kParts[] = {
      {CsvColumn::kCostRegistration, &costs.registration_cents, "costs.registration_cents"},
      {CsvColumn::kCostTuition, &costs.tuition_cents, "costs.tuition_cents"},
      {CsvColumn::kCostMaterials, &costs.materials_cents, "costs.materials_cents"},
      {CsvColumn::kCostOther, &costs.other_cents, "costs.other_cents"}};
  costs.stated = false;
  for (const auto& [column, cents, model] : kParts) {
    const Cell cell = cells[column];
    costs.stated = costs.stated || !cell.value.empty();
    if (const auto amount = Amount(cell, p)) *cents = *amount;
    p->Source(model, cell.name(), cell.line);
  }
  if (const auto v = YesNo(cells[CsvColumn::kVatIncluded], p)) costs.vat_included = *v;
  if (const auto v = YesNo(cells[CsvColumn::kVatExempt], p)) costs.vat_exempt = *v;
  if (!costs.stated) {  // as in the JSON feed: the first run's price is the course's price
    for (const CsvOffering& o : offerings) {
      if (!o.price) continue;
      costs.stated = true;
      costs.tuition_cents = *o.price;
      p->Source("costs.tuition_cents", CsvColumnName(CsvColumn::kPrice), o.line);
      break;
    }
  }
  if (!costs.stated) {
    // The VAT columns describe a price; without one they mean nothing (and the open-data export,
    // which writes no costs for an unpriced course, could not keep them).
    costs.vat_included = CostBreakdown{}.vat_included;
    costs.vat_exempt = CostBreakdown{}.vat_exempt;
  }
  for (CsvOffering& o : offerings) {
    if (o.price && *o.price != costs.Total()) o.offering.price_cents = o.price;
    out->offerings.push_back(std::move(o.offering));
  }
}

}  // namespace

const char* CsvColumnName(CsvColumn column) { return kNames[Index(column)]; }

CourseWithOfferings CourseFromCsvRows(const CsvCourseRows& course, const GeoIndex* geo,
                                      RecordProblems* p) {
  CourseWithOfferings out;
  const CourseCells cells(course, p);
  out.course.external_id = course.id;
  p->Source("external_id", CsvColumnName(CsvColumn::kCourseId), course.rows[0].line);
  ReadCourseColumns(cells, &out.course, p);
  ReadCourseChoices(cells, &out.course, p);
  std::vector<CsvOffering> offerings;
  for (const CsvRow& row : course.rows) {
    if (auto o = ReadOffering(row, offerings.size(), geo, p)) offerings.push_back(std::move(*o));
  }
  ReadCosts(cells, std::move(offerings), &out, p);
  return out;
}

}  // namespace verder::ingest_internal
