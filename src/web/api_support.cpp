#include "web/api_support.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "web/router.h"

namespace verder {

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<int64_t> ParsePositiveId(const std::string& text, const std::string& field) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return InvalidArgument(field, "the " + field + " is a positive whole number");
  }
  return id;
}

HttpResponse AuthErrorResponse(const Error& error) {
  HttpResponse r = ErrorResponse(error);
  if (r.status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"verder\"");
  return r;
}

Result<nlohmann::json> JsonObjectBody(const HttpRequest& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return InvalidArgument("body", "send a JSON object");
  }
  return body;
}

}  // namespace verder
