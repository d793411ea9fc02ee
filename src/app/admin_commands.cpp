#include "app/admin_commands.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "auth/accounts.h"
#include "auth/api_keys.h"
#include "catalog/validation.h"
#include "core/date.h"
#include "core/utf8.h"
#include "store/store.h"

namespace verder {

namespace {

// Who the audit trail and the key rows name for what the operator does here.
constexpr const char* kOperatorActor = "operator:cli";

int Fail(const Error& error) {
  std::fprintf(stderr, "verder admin: %s\n", error.message.c_str());
  if (!error.field.empty()) std::fprintf(stderr, "  (about: %s)\n", error.field.c_str());
  return 1;
}

int Fail(const std::string& message) {
  return Fail(Error{ErrorCode::kInvalidArgument, "", message});
}

// Prints rows as columns padded to the widest cell; the first row is the header.
void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], CountCodePoints(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - CountCodePoints(row[i]) + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

std::string DateOf(int64_t unix_seconds) {
  // Floor division: a time before 1970 still falls on the right day.
  const int64_t days = unix_seconds >= 0 ? unix_seconds / 86'400 : (unix_seconds - 86'399) / 86'400;
  return Date::FromDays(static_cast<int32_t>(days)).ToString();
}

std::string OwnerOf(const ApiKeyRecord& key, std::map<ProviderId, std::string>* provider_keys,
                    Store* store) {
  if (!key.provider_id && !key.schemes.empty()) {
    std::string ids;
    for (const std::string& id : key.schemes) ids += (ids.empty() ? "" : ",") + id;
    return "funder (" + ids + ")";
  }
  if (!key.provider_id) return "operator";
  auto it = provider_keys->find(*key.provider_id);
  if (it == provider_keys->end()) {
    const Result<Provider> p = store->GetProvider(*key.provider_id);
    it = provider_keys->emplace(*key.provider_id, p.ok() ? p.value().key : "?").first;
  }
  return "provider " + std::to_string(*key.provider_id) + " " + it->second;
}

// "brin:25BE" also fills in the BRIN code, "kvk:12345678" the KvK number, unless given apart.
}  // namespace

AdminCommands::AdminCommands(CLI::App* app) {
  admin_ = app->add_subcommand("admin", "The operator's tasks: providers, API keys, stale data");
  admin_->require_subcommand(1);

  provider_add_ = admin_->add_subcommand("provider-add", "Add a provider; prints its id");
  provider_add_
      ->add_option("--key", new_provider_.key,
                   "stable key: kvk:NNNNNNNN, brin:XXXX or another scheme:value")
      ->required();
  provider_add_->add_option("--name", new_provider_.name, "the provider's name")->required();
  provider_add_->add_option("--website", new_provider_.website, "https URL");
  provider_add_->add_option("--kvk", new_provider_.kvk, "KvK number, 8 digits");
  provider_add_->add_option("--brin", new_provider_.brin, "BRIN code, like 25BE");

  providers_ = admin_->add_subcommand("providers", "List the providers");
  providers_->add_flag("--include-demo", include_demo_, "also the generated demo providers");

  key_create_ = admin_->add_subcommand("key-create",
                                       "Make an API key; prints it once: it cannot be shown again");
  CLI::Option_group* owner = key_create_->add_option_group("owner", "whose key it is");
  owner->add_option("--provider", key_provider_, "the provider's id (see: admin providers)");
  owner->add_flag("--operator", key_for_operator_, "an operator key, which may touch any provider");
  owner
      ->add_option("--schemes", key_schemes_,
                   "a funder's key, which may publish only these funding schemes (ids)")
      ->delimiter(',');
  owner->require_option(1);
  key_create_->add_option("--label", key_label_, "what the key is for: \"feed server\", a name");

  keys_ = admin_->add_subcommand("keys", "List API keys (never the keys themselves)");
  keys_provider_option_ =
      keys_->add_option("--provider", keys_provider_, "only this provider's keys");

  key_revoke_ = admin_->add_subcommand("key-revoke", "Revoke an API key; it stops working at once");
  key_revoke_->add_option("KEY_ID", revoke_key_id_, "the key id, as `admin keys` shows it")
      ->required();

  stale_ = admin_->add_subcommand("stale", "List providers nobody has changed in a long time");
  stale_->add_option("--years", stale_years_, "unchanged for at least this many years")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  stale_->add_flag("--include-demo", include_demo_, "also the generated demo providers");
}

bool AdminCommands::parsed() const { return admin_->parsed(); }

int AdminCommands::Run(Store* store, const Clock& clock) const {
  if (provider_add_->parsed()) return AddProvider(store);
  if (providers_->parsed()) return ListProviders(store);
  if (key_create_->parsed()) return CreateKey(store);
  if (keys_->parsed()) return ListKeys(store);
  if (key_revoke_->parsed()) return RevokeKey(store);
  if (stale_->parsed()) return ListStale(store, clock);
  return Fail("choose an admin command; see verder admin --help");
}

int AdminCommands::AddProvider(Store* store) const {
  std::vector<Error> problems;
  const Result<ProviderId> added =
      verder::AddProvider(store, new_provider_, Actor{kOperatorActor}, &problems);
  if (problems.size() > 1) {
    std::fprintf(stderr, "verder admin: the provider is not valid:\n");
    for (const Error& e : problems) {
      std::fprintf(stderr, "  %s: %s\n", e.field.c_str(), e.message.c_str());
    }
    return 1;
  }
  if (!added.ok()) return Fail(added.error());
  std::printf("%lld\n", static_cast<long long>(added.value()));
  return 0;
}

int AdminCommands::ListProviders(Store* store) const {
  const Result<std::vector<Provider>> providers = store->AllProviders();
  if (!providers.ok()) return Fail(providers.error());
  const Result<std::vector<ApiKeyRecord>> keys = store->ListApiKeys(std::nullopt);
  if (!keys.ok()) return Fail(keys.error());
  std::map<ProviderId, int> active_keys;
  for (const ApiKeyRecord& k : keys.value()) {
    if (k.provider_id && !k.revoked_at) ++active_keys[*k.provider_id];
  }
  std::vector<std::vector<std::string>> rows = {{"ID", "KEY", "NAME", "API KEYS"}};
  for (const Provider& p : providers.value()) {
    if (p.is_demo && !include_demo_) continue;
    rows.push_back({std::to_string(p.id), p.key, p.name, std::to_string(active_keys[p.id])});
  }
  PrintTable(rows);
  return 0;
}

int AdminCommands::CreateKey(Store* store) const {
  std::optional<ProviderId> provider;
  std::string owner = "the operator";
  if (!key_schemes_.empty()) {
    owner = "a funder (may publish: ";
    for (size_t i = 0; i < key_schemes_.size(); ++i) owner += (i ? ", " : "") + key_schemes_[i];
    owner += ")";
  } else if (!key_for_operator_) {
    const Result<Provider> p = store->GetProvider(key_provider_);
    if (!p.ok()) return Fail(p.error());
    provider = key_provider_;
    owner = "provider " + std::to_string(p.value().id) + " (" + p.value().name + ")";
  }
  const Result<GeneratedKey> key =
      MakeApiKey(store, provider, key_label_, Actor{kOperatorActor}, key_schemes_);
  if (!key.ok()) return Fail(key.error());
  std::printf("%s\n", key.value().plaintext.c_str());
  std::fflush(stdout);
  std::fprintf(stderr,
               "Made API key %s for %s.\n"
               "Copy the key above now: this is the only time it is shown, and it cannot be "
               "recovered (verder keeps only a hash).\n"
               "Lost it? Revoke it with `verder admin key-revoke %s` and make a new one.\n",
               key.value().key_id.c_str(), owner.c_str(), key.value().key_id.c_str());
  return 0;
}

int AdminCommands::ListKeys(Store* store) const {
  std::optional<ProviderId> provider;
  if (keys_provider_option_->count() > 0) {
    const Result<Provider> p = store->GetProvider(keys_provider_);
    if (!p.ok()) return Fail(p.error());
    provider = keys_provider_;
  }
  const Result<std::vector<ApiKeyRecord>> keys = store->ListApiKeys(provider);
  if (!keys.ok()) return Fail(keys.error());
  std::map<ProviderId, std::string> provider_keys;
  std::vector<std::vector<std::string>> rows = {{"KEY ID", "OWNER", "LABEL", "CREATED", "REVOKED"}};
  for (const ApiKeyRecord& k : keys.value()) {
    rows.push_back({k.key_id, OwnerOf(k, &provider_keys, store), k.label.empty() ? "-" : k.label,
                    FormatUtc(k.created_at), k.revoked_at ? FormatUtc(*k.revoked_at) : "-"});
  }
  PrintTable(rows);
  return 0;
}

int AdminCommands::RevokeKey(Store* store) const {
  std::string key_id = revoke_key_id_;
  // Someone reporting a leaked key may paste all of it; its public part is what we need.
  if (const std::optional<ParsedApiKey> parsed = ParseApiKey(key_id)) key_id = parsed->key_id;
  const Result<std::optional<ApiKeyRecord>> found = store->FindApiKey(key_id);
  if (!found.ok()) return Fail(found.error());
  if (!found.value()) {
    return Fail(Error{ErrorCode::kNotFound, "KEY_ID",
                      "there is no API key with id " + key_id + " (see: verder admin keys)"});
  }
  const ApiKeyRecord& key = *found.value();
  std::map<ProviderId, std::string> provider_keys;
  const std::string owner = OwnerOf(key, &provider_keys, store);
  if (key.revoked_at) {
    std::printf("API key %s (%s) was revoked already, at %s\n", key.key_id.c_str(), owner.c_str(),
                FormatUtc(*key.revoked_at).c_str());
    return 0;
  }
  const Status revoked = store->RevokeApiKey(key.id, Actor{kOperatorActor});
  if (!revoked.ok()) return Fail(revoked.error());
  std::printf("Revoked API key %s (%s): requests with it are refused from now on\n",
              key.key_id.c_str(), owner.c_str());
  return 0;
}

int AdminCommands::ListStale(Store* store, const Clock& clock) const {
  const Date today = clock.Today();
  // The same day N years ago; 29 February falls back to the 28th in a common year.
  Result<Date> since = Date::FromYmd(today.year() - stale_years_, today.month(), today.day());
  if (!since.ok()) since = Date::FromYmd(today.year() - stale_years_, today.month(), 28);
  if (!since.ok()) return Fail(since.error());
  const int64_t cutoff = static_cast<int64_t>(since.value().days_since_epoch()) * 86'400;
  const Result<std::vector<StaleProvider>> stale = store->StaleProviders(cutoff);
  if (!stale.ok()) return Fail(stale.error());
  std::vector<std::vector<std::string>> rows = {{"ID", "KEY", "NAME", "LAST CHANGE"}};
  for (const StaleProvider& s : stale.value()) {
    if (s.provider.is_demo && !include_demo_) continue;
    rows.push_back(
        {std::to_string(s.provider.id), s.provider.key, s.provider.name, DateOf(s.last_change_at)});
  }
  if (rows.size() == 1) {
    std::printf("No provider has gone unchanged since %s.\n", since.value().ToString().c_str());
    return 0;
  }
  PrintTable(rows);
  std::printf("%zu providers unchanged since %s\n", rows.size() - 1,
              since.value().ToString().c_str());
  return 0;
}

}  // namespace verder
