// catalog/validation.h — the rules a provider, course or offering must meet before it is stored.
//
// Every rule names the field it is about, so a feed sender or a form user sees exactly what to
// fix ("offerings[1].start: the end date is before the start date"). Validation never stops at the
// first problem: it returns all of them.
//
//   std::vector<Error> problems = ValidateCourse(course_with_offerings);
//   if (!problems.empty()) { ... report them, store nothing of this record ... }
#pragma once

#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/status.h"

namespace verder {

std::vector<Error> ValidateProvider(const Provider& provider);
std::vector<Error> ValidateCourse(const CourseWithOfferings& course);

// Building blocks, exposed for the feed readers and forms.
bool IsHttpUrl(std::string_view url);         // http(s):// with a host, no spaces, UTF-8
bool ContainsMarkup(std::string_view text);   // "<b>", "</p>", "<script" ...
bool IsDutchPostcode(std::string_view text);  // "1234", "1234AB" or "1234 AB"

constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxDescriptionChars = 4000;
constexpr size_t kMaxShortTextChars = 1200;
constexpr Cents kMaxCourseCostCents = 10'000'000;  // €100,000: anything above is a typo

}  // namespace verder
