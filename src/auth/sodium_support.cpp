#include "auth/sodium_support.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace verder::auth_internal {

// sodium_init() may be called from several threads; the function-local static runs it once, so
// no caller has to remember to.
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    std::fputs("verder: libsodium could not initialise its random source\n", stderr);
    std::abort();
  }
}

std::string RandomBase32(size_t chars) {
  EnsureSodium();
  std::string out(chars, '\0');
  randombytes_buf(out.data(), out.size());
  // 256 is a multiple of 32, so keeping the low five bits of a random byte is unbiased.
  for (char& c : out) c = kBase32Alphabet[static_cast<unsigned char>(c) & 31U];
  return out;
}

bool IsBase32(std::string_view text) {
  for (const char c : text) {
    if (kBase32Alphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace verder::auth_internal
