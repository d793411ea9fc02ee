// auth/api_keys.h — API keys for providers and the operator: making them, and checking the
// `Authorization: Bearer ...` header of a request against the store.
//
// A key looks like `vk_<key id>_<secret>`: "vk_" marks it as a Verder key (so secret scanners
// and people recognise it), the 12-character key id is public and finds the stored row, and the
// 52-character secret (260 random bits) proves possession. Both parts use the lowercase base32
// alphabet (a-z, 2-7): safe in headers, URLs and shells, and selected whole by a double click.
// The store keeps only a hash of the secret; the key is shown once, when it is made.
//
//   GeneratedKey k = GenerateApiKey();
//   store->CreateApiKey({.provider_id = 42, .key_id = k.key_id, .secret_hash = k.secret_hash},
//                       Actor{"operator:cli"});
//   print(k.plaintext);  // once; never log it
//
//   ApiKeyAuthenticator auth(store);
//   Result<Principal> who = auth.Authenticate(request.header("authorization"));
//   if (!who.ok()) return who.error();                              // kUnauthenticated: 401
//   VERDER_RETURN_IF_ERROR(RequireProvider(who.value(), course.provider_id));  // 403
//
// Thread-safety: the functions and a const ApiKeyAuthenticator may be used from any thread (the
// Store is thread-safe). libsodium is initialised on first use, once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace verder {

constexpr size_t kApiKeyIdChars = 12;
constexpr size_t kApiKeySecretChars = 52;

struct GeneratedKey {
  std::string plaintext;    // "vk_<key_id>_<secret>": show once; never store or log it
  std::string key_id;       // public: listings, logs and revocation name a key by it
  std::string secret_hash;  // what the store keeps (ApiKeyRecord::secret_hash)
};

// A fresh random key. Aborts if the system's random source cannot be initialised.
GeneratedKey GenerateApiKey();

struct ParsedApiKey {
  std::string key_id;
  std::string secret;
};
// Splits a key into its parts; empty when it is not shaped like one of ours.
std::optional<ParsedApiKey> ParseApiKey(std::string_view plaintext);

// The stored form of a key's secret (64 hex digits), and the constant-time check against it.
std::string HashApiKeySecret(std::string_view key_id, std::string_view secret);
bool ApiKeySecretMatches(std::string_view key_id, std::string_view secret,
                         std::string_view secret_hash);

// A funder (UWV, an O&O fund, a region) publishes only its own funding schemes.
enum class PrincipalKind { kOperator, kProvider, kFunder };

// Who a request comes from, once its key checked out.
struct Principal {
  PrincipalKind kind = PrincipalKind::kProvider;
  ProviderId provider_id = 0;        // 0 for the operator and funders
  std::string key_id;                // the public id only
  std::vector<std::string> schemes;  // a funder's: the scheme ids it may publish
};

// The Actor for the audit trail: "provider:42/key:abcd...", "funder/key:abcd..." or
// "operator/key:abcd...".
Actor ActorFor(const Principal& principal);

// OK when the principal may touch this provider's data: the operator may touch any provider's,
// a provider only its own, a funder none (PermissionDenied otherwise).
Status RequireProvider(const Principal& principal, ProviderId provider);

// OK when the principal may publish this funding scheme: the operator any (also a new one), a
// funder only the ids on its key, a provider none (PermissionDenied otherwise).
Status RequireSchemePublisher(const Principal& principal, std::string_view scheme_id);

class ApiKeyAuthenticator {
 public:
  // `store` must outlive the authenticator.
  explicit ApiKeyAuthenticator(Store* store);

  // Checks the value of an Authorization header, "Bearer vk_...". Unauthenticated when it is
  // missing or malformed, and — with one message, so a caller learns nothing about which — when
  // the key is unknown, its secret is wrong or it was revoked. Store failures come back as they
  // are (Unavailable), so a locked database is not mistaken for a bad key.
  Result<Principal> Authenticate(std::string_view authorization_header_value) const;

 private:
  Store* store_;
};

}  // namespace verder
