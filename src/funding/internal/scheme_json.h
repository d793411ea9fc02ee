// funding/internal/scheme_json.h — one scheme file (JSON) into a Scheme, with every problem.
//
// The file format is described in data/schemes/README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "funding/scheme.h"

namespace verder::funding::internal {

// Fills `scheme` as far as the text allows and returns every problem; empty means usable.
std::vector<Error> ParseSchemeJson(std::string_view text, const std::string& file, Scheme* scheme);

}  // namespace verder::funding::internal
