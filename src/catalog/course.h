// catalog/course.h — the domain: who offers what, where and when, for how much.
//
// Provider → Course → Offering, the facts source document 002 §6.4 asks a course to hold. Plain
// value types: the store persists them, the search engine indexes them, the web shows them.
// Validation rules live in catalog/validation.h; JSON in catalog/course_json.h.
//
//   Course c;
//   c.title.nl = "Basiscursus boekhouden";
//   c.costs.tuition_cents = 49500;
//   c.mode = DeliveryMode::kOnline;
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace verder {

using ProviderId = int64_t;
using CourseId = int64_t;
using OfferingId = int64_t;

// Text a person reads, in Dutch (required) and English (optional; the site falls back to Dutch).
struct LocalizedText {
  std::string nl;
  std::string en;
  bool operator==(const LocalizedText&) const = default;
};

// Where a course sits in Dutch education. Formal levels come from DUO; free-market courses mostly
// have none, and may carry an NLQF placement separately (Course::nlqf).
enum class Level {
  kNone,
  kMbo1,
  kMbo2,
  kMbo3,
  kMbo4,
  kHboAssociate,
  kHboBachelor,
  kHboMaster,
  kWoBachelor,
  kWoMaster,
};

enum class DeliveryMode { kClassroom, kOnline, kBlended, kSelfPaced };

enum class Daypart { kAny, kDaytime, kEvening, kWeekend };

// What a person receives at the end.
enum class Credential {
  kNone,
  kDiploma,
  kCertificate,
  kPartialCertificate,
  kMicrocredential,
  kProofOfParticipation
};

// Registers and recognitions that decide whether a funding scheme may pay (see funding/).
// A bit set so the search engine can filter on them cheaply.
enum FundingFlag : uint32_t {
  kFundingStapRegister = 1U << 0,      // listed in the STAP register (history since 2024)
  kFundingOcwRecognised = 1U << 1,     // a course recognised by OCW (crebo/CROHO)
  kFundingNlqfPlaced = 1U << 2,        // placed on the NLQF by NCP NLQF
  kFundingLlkEligible = 1U << 3,       // Levenlanglerenkrediet may lend for it
  kFundingSectorRecognised = 1U << 4,  // a sector-recognised certificate (O&O funds)
};

struct CostBreakdown {
  Cents registration_cents = 0;
  Cents tuition_cents = 0;
  Cents materials_cents = 0;
  Cents other_cents = 0;     // e.g. exam fees, a laptop, internet
  bool vat_included = true;  // whether the amounts include 21% VAT (or are VAT exempt)
  bool vat_exempt = false;   // recognised vocational training is exempt from VAT
  // False when the source gives no prices (DUO open data): shown as "ask the provider", never
  // as free, and never used to compute a net cost.
  bool stated = true;
  Cents Total() const { return registration_cents + tuition_cents + materials_cents + other_cents; }
  bool operator==(const CostBreakdown&) const = default;
};

struct Contact {
  std::string email;
  std::string phone;
  bool operator==(const Contact&) const = default;
};

struct Provider {
  ProviderId id = 0;  // assigned by the store
  std::string key;    // stable natural key: "brin:25BE", "kvk:12345678", "demo:42"
  std::string name;
  std::string kvk;      // Chamber of Commerce number, 8 digits; empty when unknown
  std::string brin;     // four-character institution code for formal education
  std::string website;  // https URL
  std::vector<std::string> quality_marks;  // e.g. "NRTO-keurmerk", "CEDEO", "NVAO-accreditatie"
  Contact contact;
  bool is_demo = false;  // generated for scale tests; always shown as such
  bool operator==(const Provider&) const = default;
};

struct Location {
  std::string postcode;           // "1012" (PC4) or "1012 AB"
  std::string municipality_code;  // CBS gemeentecode, 4 digits
  std::string place;              // town as people name it
  std::string address;            // street and number, when known
  bool operator==(const Location&) const = default;
};

enum class OfferingStatus { kOpen, kClosed, kCancelled };

struct Offering {
  OfferingId id = 0;          // assigned by the store
  std::string external_id;    // the provider's id, unique within the course
  std::optional<Date> start;  // empty: start any time
  std::optional<Date> end;
  Location location;  // empty postcode for online offerings
  Daypart daypart = Daypart::kAny;
  int seats = 0;                     // 0: not stated
  std::optional<Cents> price_cents;  // when it differs from the course's total
  std::string enrol_url;             // the provider's own enrolment page
  OfferingStatus status = OfferingStatus::kOpen;
  bool operator==(const Offering&) const = default;
};

struct CourseCode {
  std::string type;  // "crebo", "croho", "provider", ...
  std::string code;
  bool operator==(const CourseCode&) const = default;
};

enum class CourseStatus { kActive, kWithdrawn };

struct Course {
  CourseId id = 0;  // assigned by the store
  ProviderId provider_id = 0;
  std::string external_id;  // the provider's id, unique per provider
  CourseCode primary_code;
  LocalizedText title;
  LocalizedText description;
  LocalizedText goal;                  // what it is for
  LocalizedText prerequisites;         // what you need before
  std::vector<std::string> follow_up;  // titles of courses that build on this one
  Level level = Level::kNone;
  int nlqf = 0;                          // NLQF/EQF level 1-8; 0 when not placed
  std::string sector;                    // e.g. "Zorg en welzijn"
  std::vector<std::string> occupations;  // occupation labels it leads to
  std::vector<std::string> skills;       // skill labels it teaches
  int study_load_hours = 0;
  int duration_weeks = 0;   // 0 for courses of a week or less (see study_load_hours)
  int theory_percent = -1;  // share of theory, 0-100; practice is the rest; -1 when unknown
  std::string exam;         // how it is tested, in words
  Credential credential = Credential::kNone;
  int pe_points = 0;  // permanent-education points for professionals
  CostBreakdown costs;
  std::string language = "nl";  // ISO 639-1 teaching language
  DeliveryMode mode = DeliveryMode::kClassroom;
  uint32_t funding_flags = 0;              // FundingFlag bits
  std::vector<std::string> quality_marks;  // marks of this course (the provider's are separate)
  CourseStatus status = CourseStatus::kActive;
  bool is_demo = false;
  int64_t updated_at = 0;  // UTC seconds of the last change, set by the store
  bool operator==(const Course&) const = default;
};

// A course together with its runs, as feeds and importers deliver it.
struct CourseWithOfferings {
  Course course;
  std::vector<Offering> offerings;
};

// The first open offering starting on or after `today`; empty when none is dated. The search
// index, course pages and the funding answers all mean this by "the next start".
std::optional<Date> NextStartOf(const std::vector<Offering>& offerings, Date today);

// Names used in data files and APIs ("mbo-2", "online", ...). Parse returns nullopt on unknown.
const char* LevelName(Level level);
std::optional<Level> ParseLevel(std::string_view name);
const char* DeliveryModeName(DeliveryMode mode);
std::optional<DeliveryMode> ParseDeliveryMode(std::string_view name);
const char* DaypartName(Daypart daypart);
std::optional<Daypart> ParseDaypart(std::string_view name);
const char* CredentialName(Credential credential);
std::optional<Credential> ParseCredential(std::string_view name);
const char* OfferingStatusName(OfferingStatus status);
std::optional<OfferingStatus> ParseOfferingStatus(std::string_view name);
const char* CourseStatusName(CourseStatus status);
std::optional<CourseStatus> ParseCourseStatus(std::string_view name);
// Funding flags as names: "stap", "ocw", "nlqf", "llk", "sector".
std::vector<std::string> FundingFlagNames(uint32_t flags);
std::optional<uint32_t> ParseFundingFlag(std::string_view name);

}  // namespace verder
