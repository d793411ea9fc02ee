// web/api_support.h — small pieces every JSON endpoint needs, in one place.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.h"
#include "web/http.h"

namespace verder {

// JSON text for an answer; invalid UTF-8 (never stored: validated on the way in) is replaced
// rather than thrown on.
std::string DumpJson(const nlohmann::json& j);
// A positive whole number from a path segment; InvalidArgument naming `field` otherwise.
Result<int64_t> ParsePositiveId(const std::string& text, const std::string& field);
// An error answer; a 401 also says how to authenticate (WWW-Authenticate: Bearer).
HttpResponse AuthErrorResponse(const Error& error);
// The request body as a JSON object; InvalidArgument ("body") when it is not one.
Result<nlohmann::json> JsonObjectBody(const HttpRequest& request);

}  // namespace verder
