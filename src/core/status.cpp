#include "core/status.h"

namespace verder {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
  }
  return "internal";
}

std::string Error::ToString() const {
  std::string out = ErrorCodeName(code);
  if (!field.empty()) out += " (" + field + ")";
  out += ": " + message;
  return out;
}

}  // namespace verder
