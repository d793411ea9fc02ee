#include "auth/api_keys.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

#include "auth/sodium_support.h"

namespace verder {

namespace {

using auth_internal::EnsureSodium;
using auth_internal::IsBase32;
using auth_internal::RandomBase32;

constexpr std::string_view kPrefix = "vk_";
constexpr size_t kKeyChars = kPrefix.size() + kApiKeyIdChars + 1 + kApiKeySecretChars;
// Versioned, so a later change of scheme can tell old hashes from new ones.
constexpr std::string_view kHashContext = "verder api key v1:";
// One message for an unknown key, a wrong secret and a revoked key: telling them apart would
// tell a caller which key ids exist and which were revoked.
constexpr const char* kRejected = "the API key is not valid: it is unknown or has been revoked";

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsBearer(std::string_view scheme) {
  constexpr std::string_view kBearer = "bearer";
  if (scheme.size() != kBearer.size()) return false;
  for (size_t i = 0; i < scheme.size(); ++i) {
    const char c = scheme[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kBearer[i]) return false;
  }
  return true;
}

}  // namespace

GeneratedKey GenerateApiKey() {
  EnsureSodium();
  GeneratedKey key;
  key.key_id = RandomBase32(kApiKeyIdChars);
  std::string secret = RandomBase32(kApiKeySecretChars);
  key.plaintext = std::string(kPrefix) + key.key_id + "_" + secret;
  key.secret_hash = HashApiKeySecret(key.key_id, secret);
  sodium_memzero(secret.data(), secret.size());
  return key;
}

std::optional<ParsedApiKey> ParseApiKey(std::string_view plaintext) {
  if (plaintext.size() != kKeyChars || plaintext.substr(0, kPrefix.size()) != kPrefix ||
      plaintext[kPrefix.size() + kApiKeyIdChars] != '_') {
    return std::nullopt;
  }
  const std::string_view key_id = plaintext.substr(kPrefix.size(), kApiKeyIdChars);
  const std::string_view secret = plaintext.substr(kPrefix.size() + kApiKeyIdChars + 1);
  if (!IsBase32(key_id) || !IsBase32(secret)) return std::nullopt;
  return ParsedApiKey{std::string(key_id), std::string(secret)};
}

// BLAKE2b-256 (crypto_generichash), not a slow password hash: the secret is 260 random bits, so
// guessing it from a stolen hash is hopeless at any speed, while Argon2 would only make every API
// request cost tens of milliseconds of CPU (and hand attackers a lever for overload). No server
// pepper either: it would add nothing against guessing a 260-bit secret, yet be one more secret
// every node must share and whose loss would invalidate every key. The key id is hashed with the
// secret so a hash copied onto another key's row does not match there.
std::string HashApiKeySecret(std::string_view key_id, std::string_view secret) {
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  const auto update = [&state](std::string_view part) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                              part.size());
  };
  update(kHashContext);
  update(key_id);
  update(":");
  update(secret);
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return std::string(hex, crypto_generichash_BYTES * 2);
}

bool ApiKeySecretMatches(std::string_view key_id, std::string_view secret,
                         std::string_view secret_hash) {
  const std::string computed = HashApiKeySecret(key_id, secret);
  // The length of a stored hash is no secret; its content is compared in constant time.
  if (secret_hash.size() != computed.size()) return false;
  return sodium_memcmp(computed.data(), secret_hash.data(), computed.size()) == 0;
}

Actor ActorFor(const Principal& principal) {
  if (principal.kind == PrincipalKind::kOperator) return Actor{"operator/key:" + principal.key_id};
  if (principal.kind == PrincipalKind::kFunder) return Actor{"funder/key:" + principal.key_id};
  return Actor{"provider:" + std::to_string(principal.provider_id) + "/key:" + principal.key_id};
}

Status RequireProvider(const Principal& principal, ProviderId provider) {
  if (principal.kind == PrincipalKind::kOperator) return Status();
  if (principal.kind == PrincipalKind::kProvider && principal.provider_id == provider)
    return Status();
  if (principal.kind == PrincipalKind::kFunder) {
    return PermissionDenied("this API key is a funder's; it may publish funding schemes only");
  }
  return PermissionDenied(
      "this API key belongs to another provider; it may change only its own "
      "provider's courses");
}

Status RequireSchemePublisher(const Principal& principal, std::string_view scheme_id) {
  if (principal.kind == PrincipalKind::kOperator) return Status();
  if (principal.kind == PrincipalKind::kFunder) {
    for (const std::string& id : principal.schemes) {
      if (id == scheme_id) return Status();
    }
    return PermissionDenied("this API key may publish only the schemes it was made for");
  }
  return PermissionDenied("a provider's API key cannot publish funding schemes");
}

ApiKeyAuthenticator::ApiKeyAuthenticator(Store* store) : store_(store) {}

Result<Principal> ApiKeyAuthenticator::Authenticate(std::string_view header_value) const {
  // Messages never repeat what was sent: it may be a real key, and errors end up in logs.
  const std::string_view header = Trim(header_value);
  if (header.empty()) {
    return Unauthenticated("an API key is required: send the header Authorization: Bearer vk_...");
  }
  const size_t space = header.find_first_of(" \t");
  if (space == std::string_view::npos || !IsBearer(header.substr(0, space))) {
    return Unauthenticated("the Authorization header must be Bearer followed by an API key");
  }
  const std::optional<ParsedApiKey> key = ParseApiKey(Trim(header.substr(space + 1)));
  if (!key) {
    return Unauthenticated(
        "this is not a Verder API key: keys look like vk_<12 characters>_<52 characters>");
  }
  VERDER_ASSIGN_OR_RETURN(std::optional<ApiKeyRecord> record, store_->FindApiKey(key->key_id));
  // Hash and compare even for an unknown key id, so the time taken does not tell whether the id
  // exists.
  static const std::string kNoHash(crypto_generichash_BYTES * 2, '0');
  const bool matches =
      ApiKeySecretMatches(key->key_id, key->secret, record ? record->secret_hash : kNoHash);
  if (!record || !matches || record->revoked_at.has_value()) return Unauthenticated(kRejected);
  Principal principal;
  principal.key_id = record->key_id;
  if (record->provider_id) {
    principal.kind = PrincipalKind::kProvider;
    principal.provider_id = *record->provider_id;
  } else if (!record->schemes.empty()) {
    principal.kind = PrincipalKind::kFunder;
    principal.schemes = record->schemes;
  } else {
    principal.kind = PrincipalKind::kOperator;
  }
  return principal;
}

}  // namespace verder
