// core/status.h — errors as values.
//
// What a user, a feed or the environment can cause is returned, not thrown: a Status (ok or an
// Error) or a Result<T> (a value or an Error). An Error carries a domain code, the field it is
// about (empty when none) and a plain message. Domain codes become HTTP statuses in web/ only.
//
//   Result<Course> r = store.GetCourse(id);
//   if (!r.ok()) return r.error();
//   const Course& c = r.value();
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace verder {

enum class ErrorCode {
  kInvalidArgument,  // the input is wrong; the message says how
  kNotFound,
  kConflict,          // the input is valid but clashes with what is stored
  kUnavailable,       // the environment: disk full, database locked, file unreadable
  kInternal,          // a bug or corruption; the message names the file or object
  kUnauthenticated,   // no credentials, or ones we do not accept (missing, wrong, revoked)
  kPermissionDenied,  // known caller, but not allowed to touch this (another provider's data)
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string field;  // e.g. "offerings[2].start_date"; empty when the error is not about a field
  std::string message;

  std::string ToString() const;
};

inline Error InvalidArgument(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(field), std::move(message)};
}
inline Error NotFound(std::string message) {
  return Error{ErrorCode::kNotFound, "", std::move(message)};
}
inline Error Unavailable(std::string message) {
  return Error{ErrorCode::kUnavailable, "", std::move(message)};
}
inline Error Internal(std::string message) {
  return Error{ErrorCode::kInternal, "", std::move(message)};
}
inline Error Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, "", std::move(message)};
}
inline Error PermissionDenied(std::string message) {
  return Error{ErrorCode::kPermissionDenied, "", std::move(message)};
}

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(status.error()) {}  // NOLINT: only from a failed Status

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(data_);
  }
  Status status() const { return ok() ? Status() : Status(error()); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace verder

// Returns early from the calling function when `expr` (a Status) failed.
#define VERDER_RETURN_IF_ERROR(expr)           \
  do {                                         \
    ::verder::Status status_ = (expr);         \
    if (!status_.ok()) return status_.error(); \
  } while (false)

#define VERDER_CONCAT_INNER_(a, b) a##b
#define VERDER_CONCAT_(a, b) VERDER_CONCAT_INNER_(a, b)
// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` is a declaration and cannot be parenthesised.
#define VERDER_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.error();                  \
  lhs = std::move(tmp).value()

// `VERDER_ASSIGN_OR_RETURN(auto x, MakeX());` declares x from a Result or returns its error.
#define VERDER_ASSIGN_OR_RETURN(lhs, expr) \
  VERDER_ASSIGN_OR_RETURN_IMPL_(VERDER_CONCAT_(result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
