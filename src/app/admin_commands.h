// app/admin_commands.h — `verder admin ...`: the operator's command line for providers, their API
// keys, and providers nobody has updated in a long time.
//
//   CLI::App app;
//   AdminCommands admin(&app);  // registers `admin` and its subcommands; before parsing
//   CLI11_PARSE(app, argc, argv);
//   if (admin.parsed()) return admin.Run(store.get(), clock);
//
//   verder admin provider-add --key kvk:12345678 --name "Leerhuis" [--website URL]
//                             [--kvk NNNNNNNN] [--brin XXXX]
//   verder admin providers [--include-demo]
//   verder admin key-create (--provider ID | --operator) [--label TEXT]
//   verder admin keys [--provider ID]
//   verder admin key-revoke KEY_ID
//   verder admin stale [--years 2] [--include-demo]
//
// Results go to stdout, errors to stderr with the reason (Run then returns 1). A new API key is
// printed once, alone on stdout, so `KEY=$(verder admin key-create ...)` captures just the key;
// the warning that it cannot be shown again goes to stderr. Key hashes are never printed.
//
// The object holds the parsed option values, which CLI11 writes through pointers: it must stay
// where it is (no copy, no move) until Run has returned.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/course.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace verder {

class Clock;
class Store;

class AdminCommands {
 public:
  explicit AdminCommands(CLI::App* app);
  AdminCommands(const AdminCommands&) = delete;
  AdminCommands& operator=(const AdminCommands&) = delete;

  // True when the command line chose `admin`.
  bool parsed() const;
  // Runs the chosen subcommand; the process exit code.
  int Run(Store* store, const Clock& clock) const;

 private:
  int AddProvider(Store* store) const;
  int ListProviders(Store* store) const;
  int CreateKey(Store* store) const;
  int ListKeys(Store* store) const;
  int RevokeKey(Store* store) const;
  int ListStale(Store* store, const Clock& clock) const;

  CLI::App* admin_ = nullptr;
  CLI::App* provider_add_ = nullptr;
  CLI::App* providers_ = nullptr;
  CLI::App* key_create_ = nullptr;
  CLI::App* keys_ = nullptr;
  CLI::App* key_revoke_ = nullptr;
  CLI::App* stale_ = nullptr;
  CLI::Option* keys_provider_option_ = nullptr;

  Provider new_provider_;
  bool include_demo_ = false;
  int64_t key_provider_ = 0;
  bool key_for_operator_ = false;
  std::vector<std::string> key_schemes_;
  std::string key_label_;
  int64_t keys_provider_ = 0;
  std::string revoke_key_id_;
  int stale_years_ = 2;
};

}  // namespace verder
