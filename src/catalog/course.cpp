#include "catalog/course.h"

#include <array>
#include <utility>

namespace verder {
namespace {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, const char*>, N>;

constexpr NameTable<Level, 10> kLevels{{
    {Level::kNone, "none"},
    {Level::kMbo1, "mbo-1"},
    {Level::kMbo2, "mbo-2"},
    {Level::kMbo3, "mbo-3"},
    {Level::kMbo4, "mbo-4"},
    {Level::kHboAssociate, "hbo-ad"},
    {Level::kHboBachelor, "hbo-bachelor"},
    {Level::kHboMaster, "hbo-master"},
    {Level::kWoBachelor, "wo-bachelor"},
    {Level::kWoMaster, "wo-master"},
}};
constexpr NameTable<DeliveryMode, 4> kModes{{
    {DeliveryMode::kClassroom, "classroom"},
    {DeliveryMode::kOnline, "online"},
    {DeliveryMode::kBlended, "blended"},
    {DeliveryMode::kSelfPaced, "self-paced"},
}};
constexpr NameTable<Daypart, 4> kDayparts{{
    {Daypart::kAny, "any"},
    {Daypart::kDaytime, "daytime"},
    {Daypart::kEvening, "evening"},
    {Daypart::kWeekend, "weekend"},
}};
constexpr NameTable<Credential, 6> kCredentials{{
    {Credential::kNone, "none"},
    {Credential::kDiploma, "diploma"},
    {Credential::kCertificate, "certificate"},
    {Credential::kPartialCertificate, "partial-certificate"},
    {Credential::kMicrocredential, "microcredential"},
    {Credential::kProofOfParticipation, "proof-of-participation"},
}};
constexpr NameTable<OfferingStatus, 3> kOfferingStatuses{{
    {OfferingStatus::kOpen, "open"},
    {OfferingStatus::kClosed, "closed"},
    {OfferingStatus::kCancelled, "cancelled"},
}};
constexpr NameTable<CourseStatus, 2> kCourseStatuses{{
    {CourseStatus::kActive, "active"},
    {CourseStatus::kWithdrawn, "withdrawn"},
}};
constexpr NameTable<uint32_t, 5> kFundingFlags{{
    {kFundingStapRegister, "stap"},
    {kFundingOcwRecognised, "ocw"},
    {kFundingNlqfPlaced, "nlqf"},
    {kFundingLlkEligible, "llk"},
    {kFundingSectorRecognised, "sector"},
}};

template <typename E, size_t N>
const char* NameOf(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table[0].second;
}

template <typename E, size_t N>
std::optional<E> ValueOf(const NameTable<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (name == n) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* LevelName(Level level) { return NameOf(kLevels, level); }
std::optional<Level> ParseLevel(std::string_view name) { return ValueOf(kLevels, name); }
const char* DeliveryModeName(DeliveryMode mode) { return NameOf(kModes, mode); }
std::optional<DeliveryMode> ParseDeliveryMode(std::string_view name) {
  return ValueOf(kModes, name);
}
const char* DaypartName(Daypart daypart) { return NameOf(kDayparts, daypart); }
std::optional<Daypart> ParseDaypart(std::string_view name) { return ValueOf(kDayparts, name); }
const char* CredentialName(Credential credential) { return NameOf(kCredentials, credential); }
std::optional<Credential> ParseCredential(std::string_view name) {
  return ValueOf(kCredentials, name);
}
const char* OfferingStatusName(OfferingStatus status) { return NameOf(kOfferingStatuses, status); }
std::optional<OfferingStatus> ParseOfferingStatus(std::string_view name) {
  return ValueOf(kOfferingStatuses, name);
}
const char* CourseStatusName(CourseStatus status) { return NameOf(kCourseStatuses, status); }
std::optional<CourseStatus> ParseCourseStatus(std::string_view name) {
  return ValueOf(kCourseStatuses, name);
}

std::vector<std::string> FundingFlagNames(uint32_t flags) {
  std::vector<std::string> names;
  for (const auto& [bit, name] : kFundingFlags) {
    if ((flags & bit) != 0) names.emplace_back(name);
  }
  return names;
}

std::optional<uint32_t> ParseFundingFlag(std::string_view name) {
  return ValueOf(kFundingFlags, name);
}

std::optional<Date> NextStartOf(const std::vector<Offering>& offerings, Date today) {
  std::optional<Date> next;
  for (const Offering& o : offerings) {
    if (o.status != OfferingStatus::kOpen || !o.start || *o.start < today) continue;
    if (!next || *o.start < *next) next = o.start;
  }
  return next;
}

}  // namespace verder
