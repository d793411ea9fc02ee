// core/money.h — amounts of money as integer euro cents.
//
// Floating point never holds money. Feeds send decimal strings ("1250.5"); ParseEuros turns them
// into cents exactly and rejects more than two decimals, signs and exponents.
//
//   Result<int64_t> c = ParseEuros("1250.50");  // 125050
//   FormatEuros(125050) == "1.250,50" (Dutch); FormatEurosPlain(125050) == "1250.50" (APIs)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace verder {

using Cents = int64_t;

// Accepts "^\d+(\.\d{1,2})?$" up to one billion euro.
Result<Cents> ParseEuros(std::string_view text);

// Dutch notation with thousands dots: "1.250,50"; whole euros drop the cents: "1.250".
std::string FormatEuros(Cents cents);

// Machine notation with a dot and always two decimals: "1250.50".
std::string FormatEurosPlain(Cents cents);

}  // namespace verder
