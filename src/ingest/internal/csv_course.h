// ingest/internal/csv_course.h — the CSV feed's columns, and the rows of one course → a course.
//
// feed_csv.cpp reads the file and groups rows by course_id; this file knows what each column
// means. Course columns may repeat on every row of a course or be left empty after the first;
// rows that disagree about a course column are reported ("inconsistent").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "ingest/internal/feed_record.h"

namespace verder::ingest_internal {

// In template order. Columns before kOfferingId describe the course, the rest one offering.
enum class CsvColumn {
  kCourseId,
  kCodeType,
  kCode,
  kNameNl,
  kNameEn,
  kDescriptionNl,
  kDescriptionEn,
  kGoalNl,
  kGoalEn,
  kPrerequisitesNl,
  kPrerequisitesEn,
  kExam,
  kLevel,
  kNlqf,
  kSector,
  kSkills,
  kOccupations,
  kFollowUp,
  kCredential,
  kStudyLoadHours,
  kDurationWeeks,
  kTheoryPercent,
  kPePoints,
  kLanguage,
  kMode,
  kFunding,
  kQualityMarks,
  kCostRegistration,
  kCostTuition,
  kCostMaterials,
  kCostOther,
  kVatIncluded,
  kVatExempt,
  kOfferingId,
  kStartDate,
  kEndDate,
  kDaypart,
  kSeats,
  kPrice,
  kPostcode,
  kCity,
  kAddress,
  kEnrolUrl,
  kOfferingStatus,
};
constexpr size_t kCsvColumnCount = static_cast<size_t>(CsvColumn::kOfferingStatus) + 1;

const char* CsvColumnName(CsvColumn column);

struct CsvRow {
  size_t line = 0;
  std::vector<std::string> values;  // by CsvColumn, trimmed; "" when empty or not in the file
};

struct CsvCourseRows {
  std::string id;
  std::vector<CsvRow> rows;  // at least one
};

CourseWithOfferings CourseFromCsvRows(const CsvCourseRows& rows, const GeoIndex* geo,
                                      RecordProblems* problems);

}  // namespace verder::ingest_internal
