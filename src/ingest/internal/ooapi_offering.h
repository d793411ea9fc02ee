// ingest/internal/ooapi_offering.h — one OOAPI course offering → Offering, and the pieces of it
// the course reader needs as well (amounts, addresses).
//
// Prices are returned beside the offering, not in it: whether a run's total is "the course
// price" or a price of its own is known only once the course's costs are read.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/course.h"
#include "catalog/geo.h"
#include "ingest/internal/feed_record.h"
#include "ingest/internal/json_fields.h"

namespace verder::ingest_internal {

inline std::string Indexed(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// Keeps an out-of-range number out of range (the catalogue's rules report it) without letting
// it overflow an int.
inline int Clamped(int64_t value) {
  return static_cast<int>(std::clamp<int64_t>(value, -1'000'000'000, 1'000'000'000));
}

// An OOAPI amount is a decimal string ("495.00"), never a JSON number: floating point cannot
// hold cents exactly. nullopt (with a problem) when it is not one.
std::optional<Cents> ReadOoapiAmount(JsonFields& r, std::string_view key);

// The address of `r`'s addresses[] that says where teaching happens (teaching, else visit,
// else the first); nullopt when there is none.
std::optional<AddressInput> ReadOoapiAddresses(JsonFields& r);

// What an offering takes from its course when it says nothing itself.
struct OoapiCourseDefaults {
  std::string link;
  std::string link_path;
  std::optional<AddressInput> address;
};

struct OoapiPrice {
  std::optional<Cents> total;  // the "total costs" entry
  std::string path;            // where it was, for problems
};

struct OoapiOfferingRead {
  Offering offering;  // price_cents not yet set
  OoapiPrice price;
};

// Reads offerings[i]; problems go under "offerings[i]....".
OoapiOfferingRead ReadOoapiOffering(JsonValue j, size_t i, const OoapiCourseDefaults& defaults,
                                    const GeoIndex* geo, RecordProblems* problems);

}  // namespace verder::ingest_internal
