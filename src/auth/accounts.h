// auth/accounts.h — the operator's two account actions, shared by `verder admin` and the
// operator API so both check the same things: add a provider, make an API key.
//
//   Result<ProviderId> id = AddProvider(store, provider, actor);   // errors name the field
//   Result<GeneratedKey> key = MakeApiKey(store, id.value(), "feed server", actor);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/api_keys.h"
#include "store/store.h"

namespace verder {

// Adds a new provider. Its key is scheme:value ("kvk:12345678", "brin:25BE"); a kvk or brin key
// also fills that field. Every problem with the provider is listed (InvalidArgument each); an
// existing key is a Conflict, because overwriting what an import stored under it would be
// silent data loss.
Result<ProviderId> AddProvider(Store* store, Provider provider, const Actor& actor,
                               std::vector<Error>* problems);

// A new key for a provider, for a funder (no provider; the ids of the funding schemes it may
// publish) or for the operator (neither). NotFound for an unknown provider, InvalidArgument
// for a provider with schemes. The plaintext in the answer is the only copy: show it once.
Result<GeneratedKey> MakeApiKey(Store* store, std::optional<ProviderId> provider,
                                const std::string& label, const Actor& actor,
                                const std::vector<std::string>& schemes = {});

}  // namespace verder
