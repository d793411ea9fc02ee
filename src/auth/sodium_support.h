// auth/sodium_support.h — private to auth/: libsodium's start-up and random base32 text, shared
// by API keys and saved answers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verder::auth_internal {

// The lowercase base32 alphabet (RFC 4648, a-z 2-7): safe in URLs, headers and shells.
constexpr std::string_view kBase32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

// Initialises libsodium once, from any thread; aborts when it has no random source.
void EnsureSodium();
// `chars` random base32 characters, 5 bits each.
std::string RandomBase32(size_t chars);
bool IsBase32(std::string_view text);

}  // namespace verder::auth_internal
