#include "auth/answer_vault.h"

#include <sodium.h>

#include <array>
#include <vector>

#include "auth/sodium_support.h"

namespace verder {
namespace {

// Versioned contexts: the lookup and the key are different hashes of the same code, so the
// lookup stored in the database tells nothing about the key.
constexpr std::string_view kLookupContext = "verder saved answers lookup v1";
constexpr std::string_view kKeyContext = "verder saved answers key v1";

template <size_t N>
std::array<unsigned char, N> Derive(std::string_view context, std::string_view code) {
  auth_internal::EnsureSodium();
  std::array<unsigned char, N> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(code.data()),
                     code.size(), reinterpret_cast<const unsigned char*>(context.data()),
                     context.size());
  return out;
}

std::string Hex(const unsigned char* data, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();  // the terminating NUL
  return hex;
}

}  // namespace

std::string NewSaveCode() { return FormatSaveCode(auth_internal::RandomBase32(kSaveCodeChars)); }

std::optional<std::string> ParseSaveCode(std::string_view typed) {
  if (typed.size() > 64) return std::nullopt;
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == '0') lower = 'o';
    if (lower == '1') lower = 'l';
    code.push_back(lower);
  }
  if (code.size() != kSaveCodeChars || !auth_internal::IsBase32(code)) return std::nullopt;
  return code;
}

std::string FormatSaveCode(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

std::string SaveCodeLookup(std::string_view code) {
  const auto hash = Derive<32>(kLookupContext, code);
  return Hex(hash.data(), hash.size());
}

std::string SealAnswers(std::string_view code, std::string_view answers) {
  const auto key = Derive<crypto_secretbox_KEYBYTES>(kKeyContext, code);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 answers.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(answers.data()), answers.size(),
                        nonce, key.data());
  return Hex(box.data(), box.size());
}

std::optional<std::string> OpenAnswers(std::string_view code, std::string_view sealed) {
  // Too short for a nonce and a tag: nothing to open (and no empty buffer for libsodium).
  if (sealed.size() < 2 * (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)) {
    return std::nullopt;
  }
  std::vector<unsigned char> box(sealed.size() / 2);
  size_t length = 0;
  if (sealed.size() % 2 != 0 ||
      sodium_hex2bin(box.data(), box.size(), sealed.data(), sealed.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != box.size()) {
    return std::nullopt;
  }
  const auto key = Derive<crypto_secretbox_KEYBYTES>(kKeyContext, code);
  const size_t cipher = length - crypto_secretbox_NONCEBYTES;
  std::string answers(cipher - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(answers.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, cipher, box.data(),
                                 key.data()) != 0) {
    return std::nullopt;
  }
  return answers;
}

}  // namespace verder
