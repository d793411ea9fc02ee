// auth/form_tokens.h — tokens that prove a form was served by us, without cookies or sessions.
//
// The complaint form on a course page changes state (it fills the operator's queue), so another
// site must not be able to submit it on a visitor's behalf. We keep no session and set no
// cookie, so the token is stateless: an HMAC (libsodium, a key made at start) over what the form
// is for and the minute it was served. A token is valid for two hours, for that form only; after
// a restart old tokens fail and the person simply sends the form again.
//
//   FormTokens tokens;
//   std::string t = tokens.Issue("complaint:42", clock.NowUnixSeconds());  // hidden field
//   bool ok = tokens.Verify(t, "complaint:42", clock.NowUnixSeconds());
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace verder {

class FormTokens {
 public:
  FormTokens();  // a fresh random key
  std::string Issue(std::string_view purpose, int64_t now_unix_seconds) const;
  // Constant-time comparison; false for a token of another form, too old, from the future or
  // malformed.
  bool Verify(std::string_view token, std::string_view purpose, int64_t now_unix_seconds) const;

  static constexpr int64_t kValidSeconds = 2 * 60 * 60;

 private:
  std::string Mac(std::string_view purpose, int64_t minute) const;
  std::array<unsigned char, 32> key_{};
};

}  // namespace verder
