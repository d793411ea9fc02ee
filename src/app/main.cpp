// verder — the one program: serves the site and API, imports open data, generates demo data.
//
//   verder serve [--port 8080]      first start imports the open data and the demo catalogue
//   verder import                   (re)imports the open data from --data
//   verder demo --courses N --seed S
//   verder ingest FILE --provider ID [--full]   a provider's feed from a file, with progress
//   verder stats                    counts of what the store holds
//   verder backup FILE              a consistent copy of the database, also while serving
//   verder restore FILE             puts a backup back (the server must be stopped)
//   verder admin ...                providers, API keys, stale providers (app/admin_commands.h)
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/admin_commands.h"
#include "app/catalog_setup.h"
#include "app/ingest_command.h"
#include "app/serve.h"
#include "app/server_lock.h"
#include "store/sqlite/sqlite_backup.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace verder;

std::string EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

int Fail(const Error& error) {
  std::fprintf(stderr, "verder: %s\n", error.message.c_str());
  if (!error.field.empty()) std::fprintf(stderr, "  (about: %s)\n", error.field.c_str());
  return 1;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, const Clock* clock) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Unavailable("cannot create the folder " + parent.string() + ": " + ec.message());
  return OpenSqliteStore({path}, clock);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Verder: find what you can learn, what suits you, who pays and where to get help."};
  app.require_subcommand(1);
  std::string db_path = EnvOr("VERDER_DB", "var/verder.db");
  std::string data_dir = EnvOr("VERDER_DATA", "../shared/data");
  app.add_option("--db", db_path, "SQLite database file (env VERDER_DB)")->capture_default_str();
  app.add_option("--data", data_dir, "folder with the open data (env VERDER_DATA)")
      ->capture_default_str();

  ServeOptions serve;
  int64_t first_start_demo = 200000;
  CLI::App* serve_cmd =
      app.add_subcommand("serve", "Serve the site and the API; on first start, import the data");
  serve_cmd->add_option("--host", serve.host, "address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "port to listen on")->capture_default_str();
  serve_cmd->add_option("--threads", serve.threads, "worker threads")->capture_default_str();
  serve.resources_dir = EnvOr("VERDER_RESOURCES", "data");
  serve_cmd
      ->add_option("--resources", serve.resources_dir,
                   "the repo's data/ folder: synonyms and other files people maintain (env "
                   "VERDER_RESOURCES)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--complaints-per-10-minutes", serve.complaints.requests,
                   "complaints one address may send per 10 minutes (0: no limit)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--feed-writes-per-minute", serve.feed_writes.requests,
                   "provider and operator API writes per address per minute (0: no limit)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--saved-answers-per-10-minutes", serve.saved_answers.requests,
                   "saves, restores and deletes of funding answers per address per 10 minutes "
                   "(0: no limit)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--suggestions-per-minute", serve.suggestions.requests,
                   "autocomplete requests per address per minute (0: no limit)")
      ->capture_default_str();
  serve_cmd
      ->add_option("--demo-courses", first_start_demo,
                   "demo courses to generate on first start (0: none)")
      ->capture_default_str();

  CLI::App* import_cmd =
      app.add_subcommand("import", "Import the open data (DUO, CBS, GeoNames, ESCO, CompetentNL)");

  int64_t demo_courses = 200000;
  uint64_t demo_seed = 1;
  CLI::App* demo_cmd =
      app.add_subcommand("demo", "Generate the synthetic demo catalogue (marked as demo)");
  demo_cmd->add_option("--courses", demo_courses, "number of courses")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{10'000'000}));
  demo_cmd->add_option("--seed", demo_seed, "random seed; the same seed gives the same catalogue")
      ->capture_default_str();

  IngestOptions ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Store a provider's feed file (OOAPI JSON, NDJSON or .csv), with progress");
  ingest_cmd->add_option("file", ingest.file, "the feed file")->required();
  ingest_cmd->add_option("--provider", ingest.provider, "the provider's id")->required();
  ingest_cmd->add_flag("--full", ingest.full,
                       "withdraw the provider's active courses the file does not hold");

  CLI::App* stats_cmd = app.add_subcommand("stats", "Show what the store holds");
  std::string backup_file;
  CLI::App* backup_cmd = app.add_subcommand(
      "backup", "Write a consistent copy of the database to a new file (also while serving)");
  backup_cmd->add_option("file", backup_file, "the new backup file")->required();
  CLI::App* restore_cmd = app.add_subcommand(
      "restore", "Replace the database with a checked backup (stop the server first)");
  restore_cmd->add_option("file", backup_file, "the backup file")->required();
  AdminCommands admin(&app);

  CLI11_PARSE(app, argc, argv);

  if (backup_cmd->parsed()) {
    const Status s = BackupDatabase(db_path, backup_file);
    if (!s.ok()) return Fail(s.error());
    std::printf("backup written to %s\n", backup_file.c_str());
    return 0;
  }
  if (restore_cmd->parsed()) {
    Result<ServerLock> lock = ServerLock::Acquire(db_path, "restore");
    if (!lock.ok()) return Fail(lock.error());
    const Status s = RestoreDatabase(backup_file, db_path);
    if (!s.ok()) return Fail(s.error());
    std::printf("%s restored from %s\n", db_path.c_str(), backup_file.c_str());
    return 0;
  }

  SystemClock clock;
  auto store = OpenStore(db_path, &clock);
  if (!store.ok()) return Fail(store.error());
  if (admin.parsed()) return admin.Run(store.value().get(), clock);
  const ImportOptions import{.data_dir = data_dir, .quiet = false};

  if (serve_cmd->parsed()) {
    Result<ServerLock> lock = ServerLock::Acquire(db_path, "serve");
    if (!lock.ok()) return Fail(lock.error());
    const Status ready = EnsureCatalog(
        store.value().get(), import,
        {.courses = first_start_demo, .seed = 1, .today = clock.Today(), .quiet = false});
    if (!ready.ok()) return Fail(ready.error());
    const Status s = Serve(store.value().get(), serve);
    return s.ok() ? 0 : Fail(s.error());
  }
  if (import_cmd->parsed()) {
    const Status s = ImportOpenData(store.value().get(), import);
    return s.ok() ? 0 : Fail(s.error());
  }
  if (demo_cmd->parsed()) {
    const Status s = LoadDemoCatalog(
        store.value().get(),
        {.courses = demo_courses, .seed = demo_seed, .today = clock.Today(), .quiet = false});
    return s.ok() ? 0 : Fail(s.error());
  }
  if (ingest_cmd->parsed()) {
    const Result<IngestSummary> r = IngestFile(store.value().get(), ingest);
    if (!r.ok()) return Fail(r.error());
    const IngestSummary& s = r.value();
    std::printf(
        "accepted %lld\ncreated %lld\nupdated %lld\nunchanged %lld\nwithdrawn %lld\n"
        "rejected %lld\n",
        static_cast<long long>(s.accepted), static_cast<long long>(s.created),
        static_cast<long long>(s.updated), static_cast<long long>(s.unchanged),
        static_cast<long long>(s.withdrawn), static_cast<long long>(s.rejected_records));
    if (s.withdrawal_skipped) {
      std::fprintf(stderr, "Nothing withdrawn: a rejected record could not be identified.\n");
    }
    // 2: stored, but not everything: a script can tell a partial feed from a clean one.
    return s.rejected_records > 0 ? 2 : 0;
  }
  if (stats_cmd->parsed()) {
    const Result<StoreCounts> c = store.value()->Counts();
    if (!c.ok()) return Fail(c.error());
    std::printf(
        "providers %lld\ncourses %lld\ndemo_courses %lld\nofferings %lld\nmunicipalities %lld\n"
        "postcodes %lld\noccupations %lld\nskills %lld\nlast_seq %lld\n",
        static_cast<long long>(c.value().providers), static_cast<long long>(c.value().courses),
        static_cast<long long>(c.value().demo_courses), static_cast<long long>(c.value().offerings),
        static_cast<long long>(c.value().municipalities),
        static_cast<long long>(c.value().postcodes), static_cast<long long>(c.value().occupations),
        static_cast<long long>(c.value().skills), static_cast<long long>(c.value().last_seq));
  }
  return 0;
}
