#include "core/money.h"

namespace verder {

Result<Cents> ParseEuros(std::string_view text) {
  constexpr Cents kMaxEuros = 1'000'000'000;
  if (text.empty()) return InvalidArgument("", "an amount is required");
  Cents euros = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return InvalidArgument("", "an amount has only digits and one dot, like 1250.50");
    }
    euros = euros * 10 + (text[i] - '0');
    if (euros > kMaxEuros) return InvalidArgument("", "amount is too large");
  }
  if (i == 0) return InvalidArgument("", "an amount starts with a digit, like 0.50");
  Cents cents = 0;
  if (i < text.size()) {
    const std::string_view frac = text.substr(i + 1);
    if (frac.empty() || frac.size() > 2) {
      return InvalidArgument("", "an amount has one or two decimals after the dot");
    }
    for (char c : frac) {
      if (c < '0' || c > '9') {
        return InvalidArgument("", "an amount has only digits and one dot, like 1250.50");
      }
    }
    cents = (frac[0] - '0') * 10 + (frac.size() == 2 ? frac[1] - '0' : 0);
  }
  return euros * 100 + cents;
}

// Both formatters build the text right to left in a small buffer: no std::string inserts
// (which g++ 12 flags with a false -Wrestrict warning at -O2).
std::string FormatEuros(Cents cents) {
  const bool negative = cents < 0;
  Cents abs = negative ? -cents : cents;
  char buf[40];
  char* p = buf + sizeof buf;
  if (abs % 100 != 0) {
    *--p = static_cast<char>('0' + abs % 10);
    *--p = static_cast<char>('0' + abs % 100 / 10);
    *--p = ',';
  }
  abs /= 100;
  int digits = 0;
  do {
    if (digits > 0 && digits % 3 == 0) *--p = '.';
    *--p = static_cast<char>('0' + abs % 10);
    abs /= 10;
    ++digits;
  } while (abs > 0);
  if (negative) *--p = '-';
  return {p, static_cast<size_t>(buf + sizeof buf - p)};
}

std::string FormatEurosPlain(Cents cents) {
  const bool negative = cents < 0;
  Cents abs = negative ? -cents : cents;
  char buf[40];
  char* p = buf + sizeof buf;
  *--p = static_cast<char>('0' + abs % 10);
  *--p = static_cast<char>('0' + abs % 100 / 10);
  *--p = '.';
  abs /= 100;
  do {
    *--p = static_cast<char>('0' + abs % 10);
    abs /= 10;
  } while (abs > 0);
  if (negative) *--p = '-';
  return {p, static_cast<size_t>(buf + sizeof buf - p)};
}

}  // namespace verder
