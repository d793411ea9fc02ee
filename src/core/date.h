// core/date.h — civil dates (no time zone) and UTC timestamps.
//
// Course start dates, validity of schemes and "as of" answers are civil dates; audit rows carry
// UTC seconds. Parsing is strict RFC 3339 full-date (YYYY-MM-DD) because feeds must be exact.
//
//   Result<Date> d = Date::Parse("2025-09-01");
//   d.value().ToString() == "2025-09-01"; d.value() + 7 is a week later.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace verder {

class Date {
 public:
  Date() = default;  // 1970-01-01
  static Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  static Result<Date> FromYmd(int year, int month, int day);
  static Result<Date> Parse(std::string_view text);

  int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string ToString() const;

  Date operator+(int32_t days) const { return Date(days_ + days); }
  int32_t operator-(Date other) const { return days_ - other.days_; }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>.
  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// Whole years between `birth` and `on` (the age a person has on that day).
int YearsBetween(Date birth, Date on);

// Wall-clock source, injectable so tests control "today".
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowUnixSeconds() const = 0;
  Date Today() const;
};

class SystemClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnixSeconds() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

// "2025-01-02T03:04:05Z"
std::string FormatUtc(int64_t unix_seconds);

}  // namespace verder
