#include "auth/form_tokens.h"

#include <sodium.h>

#include <charconv>

#include "auth/sodium_support.h"

namespace verder {

FormTokens::FormTokens() {
  auth_internal::EnsureSodium();
  crypto_auth_hmacsha256_keygen(key_.data());
}

std::string FormTokens::Mac(std::string_view purpose, int64_t minute) const {
  const std::string message = std::string(purpose) + "|" + std::to_string(minute);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), key_.data());
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

std::string FormTokens::Issue(std::string_view purpose, int64_t now_unix_seconds) const {
  const int64_t minute = now_unix_seconds / 60;
  return std::to_string(minute) + "." + Mac(purpose, minute);
}

bool FormTokens::Verify(std::string_view token, std::string_view purpose,
                        int64_t now_unix_seconds) const {
  const size_t dot = token.find('.');
  if (dot == std::string_view::npos) return false;
  int64_t minute = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + dot, minute);
  if (ec != std::errc() || end != token.data() + dot) return false;
  // The minute first: a forged, huge one would overflow minute * 60.
  if (minute < 0 || minute > now_unix_seconds / 60 + 1) return false;
  const int64_t age = now_unix_seconds - minute * 60;
  if (age < -60 || age > kValidSeconds) return false;
  const std::string expected = Mac(purpose, minute);
  const std::string_view given = token.substr(dot + 1);
  return given.size() == expected.size() &&
         sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

}  // namespace verder
