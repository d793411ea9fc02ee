#include "auth/accounts.h"

#include "catalog/validation.h"
#include "funding/scheme.h"

namespace verder {

Result<ProviderId> AddProvider(Store* store, Provider p, const Actor& actor,
                               std::vector<Error>* problems) {
  problems->clear();
  const size_t colon = p.key.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == p.key.size()) {
    problems->push_back(Error{ErrorCode::kInvalidArgument, "key",
                              "a provider key is scheme:value, like kvk:12345678 or brin:25BE"});
    return problems->front();
  }
  const std::string scheme = p.key.substr(0, colon);
  const std::string value = p.key.substr(colon + 1);
  if (scheme == "kvk" && p.kvk.empty()) p.kvk = value;
  if (scheme == "brin" && p.brin.empty()) p.brin = value;
  *problems = ValidateProvider(p);
  if (!problems->empty()) return problems->front();
  VERDER_ASSIGN_OR_RETURN(std::optional<ProviderId> existing, store->FindProviderByKey(p.key));
  if (existing) {
    return Error{
        ErrorCode::kConflict, "key",
        "a provider with key " + p.key + " exists already, with id " + std::to_string(*existing)};
  }
  VERDER_ASSIGN_OR_RETURN(UpsertReport added, store->UpsertProviders({p}, actor));
  return added.ids.at(0);
}

Result<GeneratedKey> MakeApiKey(Store* store, std::optional<ProviderId> provider,
                                const std::string& label, const Actor& actor,
                                const std::vector<std::string>& schemes) {
  ApiKeyRecord record;
  record.label = label;
  record.provider_id = provider;
  record.schemes = schemes;
  for (const std::string& id : schemes) {
    if (!funding::IsSchemeId(id)) {
      return InvalidArgument("schemes",
                             "'" + id + "' is not a scheme id: use a-z, 0-9, '-' and ':'");
    }
  }
  if (provider) VERDER_RETURN_IF_ERROR(store->GetProvider(*provider).status());
  // A key id is 60 random bits: a clash is all but impossible, but costs nothing to handle.
  for (int attempt = 0; attempt < 3; ++attempt) {
    GeneratedKey key = GenerateApiKey();
    record.key_id = key.key_id;
    record.secret_hash = key.secret_hash;
    const Result<int64_t> created = store->CreateApiKey(record, actor);
    if (!created.ok() && created.error().code == ErrorCode::kConflict) continue;
    if (!created.ok()) return created.error();
    return key;
  }
  return Internal("could not find an unused key id; try again");
}

}  // namespace verder
