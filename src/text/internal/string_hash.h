// text/internal/string_hash.h — hash sets and maps of strings that can be searched with a
// std::string_view, so looking up a substring ("zorg" inside "zorgmedewerker") copies nothing.
// Private to text/.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace verder::text_internal {

// Transparent: with std::equal_to<> it enables C++20 heterogeneous find() on unordered containers.
struct StringHash {
  using is_transparent = void;
  // Deliberately not noexcept: libstdc++ then stores each key's hash in its node, as it does for
  // std::hash<std::string>, instead of hashing keys again while walking a bucket.
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

}  // namespace verder::text_internal
