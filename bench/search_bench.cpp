// search_bench — Verder, Xapian and SQLite FTS5 on the same demo corpus and query mix (issue 4).
//
//   search_bench --courses 1000000 [--queries-per-class 500] [--seed 42]
//                [--engines verder,xapian,fts5] [--data ../shared/data] [--resources data]
//                [--xapian-dir /dev/shm]
//
// Prints one line per figure, `name value unit`, on stdout (progress goes to stderr):
//   <engine>.build_rate, <engine>.rss_mb (resident memory added by the build), xapian.index_mb
//   (its files on tmpfs); per query class and over all: <engine>.<class>.p50_ms, .p99_ms,
//   .mean_ms, and as a check that the engines did comparable work, .mean_total and
//   .zero_results; verder.live_update_ms; and verder_vs_<peer>.<class>.{p50,p99,mean} in x:
//   how many times faster Verder was (the peer's figure divided by Verder's).
// Each engine is built, measured and destroyed before the next, single-threaded.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "bench/engine.h"
#include "ingest/demo_catalog.h"
#include "ingest/reference_import.h"

namespace verder::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int64_t courses = 200000;
  int queries_per_class = 500;
  uint64_t seed = 42;
  std::vector<std::string> engines = {"verder", "xapian", "fts5"};
  std::string data_dir = "../shared/data";
  std::string resources_dir = "data";
  std::string xapian_dir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
};

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  for (size_t begin = 0; begin <= s.size();) {
    const size_t end = std::min(s.find(',', begin), s.size());
    if (end > begin) out.push_back(s.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

Result<Options> ParseOptions(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("VERDER_DATA"); env != nullptr) o.data_dir = env;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return InvalidArgument(flag, "needs a value");
    const std::string value = argv[++i];
    if (flag == "--courses") {
      o.courses = std::atoll(value.c_str());
    } else if (flag == "--queries-per-class") {
      o.queries_per_class = std::atoi(value.c_str());
    } else if (flag == "--seed") {
      o.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (flag == "--engines") {
      o.engines = SplitCommas(value);
    } else if (flag == "--data") {
      o.data_dir = value;
    } else if (flag == "--resources") {
      o.resources_dir = value;
    } else if (flag == "--xapian-dir") {
      o.xapian_dir = value;
    } else {
      return InvalidArgument(flag, "unknown flag");
    }
  }
  if (o.courses < 1) return InvalidArgument("--courses", "must be at least 1");
  if (o.queries_per_class < 1) return InvalidArgument("--queries-per-class", "must be >= 1");
  return o;
}

void Figure(const std::string& name, double value, const char* unit) {
  std::printf("%s %.*f %s\n", name.c_str(), std::abs(value) >= 100 ? 0 : 3, value, unit);
  std::fflush(stdout);
}

double ResidentMb() {
  malloc_trim(0);  // return freed memory, so the figure is what is held
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0;
  int64_t resident = 0;
  statm >> size >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Latencies {
  double p50 = 0;
  double p99 = 0;
  double mean = 0;
};

Latencies Summarise(std::vector<double> ms) {
  Latencies l;
  if (ms.empty()) return l;
  std::sort(ms.begin(), ms.end());
  // Nearest rank: the smallest value with at least p of the samples at or below it.
  const auto rank = [&](double p) {
    return ms[static_cast<size_t>(std::ceil(p * static_cast<double>(ms.size()))) - 1];
  };
  l.p50 = rank(0.5);
  l.p99 = rank(0.99);
  for (double v : ms) l.mean += v;
  l.mean /= static_cast<double>(ms.size());
  return l;
}

Result<std::unique_ptr<BenchEngine>> MakeEngine(const std::string& name, const Options& o,
                                                const GeoIndex& geo, int32_t today) {
  if (name == "verder") return MakeVerderEngine(o.resources_dir, &geo, today);
  if (name == "xapian") return MakeXapianEngine(o.xapian_dir);
  if (name == "fts5") return MakeFts5Engine();
  return InvalidArgument("--engines", "unknown engine " + name);
}

// Runs the mix (after a warm-up on part of it) and prints per-class figures.
Result<std::map<std::string, Latencies>> RunMix(BenchEngine* engine,
                                                const std::vector<BenchQuery>& mix) {
  const size_t warmup = std::min<size_t>(mix.size(), std::max<size_t>(100, mix.size() / 5));
  for (size_t i = 0; i < warmup; ++i) (void)engine->Query(mix[i]);
  std::map<std::string, std::vector<double>> ms;
  std::map<std::string, std::pair<double, int64_t>> totals;  // sum of totals, zero results
  for (const BenchQuery& q : mix) {
    const Clock::time_point start = Clock::now();
    const BenchAnswer a = engine->Query(q);
    const double took = Ms(Clock::now() - start);
    if (!a.error.empty()) return Internal(engine->name() + ": \"" + q.text + "\": " + a.error);
    for (const std::string& klass : {q.klass, std::string("all")}) {
      ms[klass].push_back(took);
      totals[klass].first += static_cast<double>(a.total);
      totals[klass].second += a.total == 0 ? 1 : 0;
    }
  }
  std::map<std::string, Latencies> out;
  for (const auto& [klass, values] : ms) {
    const Latencies l = Summarise(values);
    const std::string prefix = engine->name() + "." + klass;
    Figure(prefix + ".p50_ms", l.p50, "ms");
    Figure(prefix + ".p99_ms", l.p99, "ms");
    Figure(prefix + ".mean_ms", l.mean, "ms");
    const auto n = static_cast<double>(values.size());
    Figure(prefix + ".mean_total", totals[klass].first / n, "courses");
    Figure(prefix + ".zero_results", 100.0 * static_cast<double>(totals[klass].second) / n, "%");
    out[klass] = l;
  }
  return out;
}

// Time from the Upsert of one changed course to a Search that returns it, over a few courses.
void MeasureLiveUpdate(BenchEngine* engine, const std::vector<BenchDoc>& docs) {
  constexpr int kRounds = 25;
  std::vector<double> ms;
  for (int i = 0; i < kRounds; ++i) {
    BenchDoc doc = docs[(static_cast<size_t>(i) * 7919) % docs.size()];
    const std::string marker = "qzxlive" + std::to_string(i);  // a word in no other course
    doc.title += " " + marker;
    BenchQuery q;
    q.klass = "live";
    q.text = marker;
    const Clock::time_point start = Clock::now();
    if (!engine->Upsert(doc)) return;
    for (int tries = 0; tries < 100000; ++tries) {
      const BenchAnswer a = engine->Query(q);
      if (std::find(a.ids.begin(), a.ids.end(), doc.id) != a.ids.end()) break;
    }
    ms.push_back(Ms(Clock::now() - start));
  }
  const Latencies l = Summarise(ms);
  Figure(engine->name() + ".live_update_ms", l.p50, "ms");
  Figure(engine->name() + ".live_update_max_ms", *std::max_element(ms.begin(), ms.end()), "ms");
}

int Main(int argc, char** argv) {
  const Result<Options> parsed = ParseOptions(argc, argv);
  if (!parsed.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", parsed.error().ToString().c_str());
    return 2;
  }
  const Options& o = parsed.value();
  std::vector<ImportReport> reports;
  Result<ReferenceData> reference = ReadReferenceData(o.data_dir, &reports);
  if (!reference.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", reference.error().ToString().c_str());
    return 1;
  }
  const GeoIndex geo(std::move(reference).value());
  const Date today = Date::FromYmd(2025, 9, 1).value();
  std::fprintf(stderr, "generating %lld demo courses...\n", static_cast<long long>(o.courses));
  const DemoCatalog demo(geo.data(), {.courses = o.courses, .seed = o.seed, .today = today});
  const std::vector<BenchDoc> docs = DemoDocs(demo, o.courses, geo);
  const std::vector<BenchQuery> mix =
      MakeQueryMix(docs, {.per_class = o.queries_per_class, .seed = o.seed});
  Figure("corpus.courses", static_cast<double>(docs.size()), "courses");
  Figure("corpus.queries", static_cast<double>(mix.size()), "queries");

  std::map<std::string, std::map<std::string, Latencies>> latencies;
  std::map<std::string, double> build_rate;
  for (const std::string& name : o.engines) {
    Result<std::unique_ptr<BenchEngine>> made = MakeEngine(name, o, geo, today.days_since_epoch());
    if (!made.ok()) {
      std::fprintf(stderr, "search_bench: %s\n", made.error().ToString().c_str());
      return 1;
    }
    std::unique_ptr<BenchEngine> engine = std::move(made).value();
    std::fprintf(stderr, "%s: building...\n", name.c_str());
    const double rss_before = ResidentMb();
    const Clock::time_point start = Clock::now();
    if (const Status built = engine->Build(docs); !built.ok()) {
      std::fprintf(stderr, "search_bench: %s\n", built.error().ToString().c_str());
      return 1;
    }
    const double seconds = Ms(Clock::now() - start) / 1000.0;
    build_rate[name] = static_cast<double>(docs.size()) / seconds;
    Figure(name + ".build_rate", build_rate[name], "courses/s");
    Figure(name + ".rss_mb", ResidentMb() - rss_before, "MB");
    if (const int64_t bytes = engine->StorageBytes(); bytes > 0) {
      Figure(name + ".index_mb", static_cast<double>(bytes) / 1048576.0, "MB");
    }
    std::fprintf(stderr, "%s: querying...\n", name.c_str());
    Result<std::map<std::string, Latencies>> run = RunMix(engine.get(), mix);
    if (!run.ok()) {
      std::fprintf(stderr, "search_bench: %s\n", run.error().ToString().c_str());
      return 1;
    }
    latencies[name] = std::move(run).value();
    MeasureLiveUpdate(engine.get(), docs);
  }

  if (latencies.count("verder") == 0) return 0;
  for (const auto& [peer, by_class] : latencies) {
    if (peer == "verder") continue;
    const std::string prefix = "verder_vs_" + peer + ".";
    Figure(prefix + "build_rate", build_rate["verder"] / build_rate[peer], "x");
    for (const auto& [klass, l] : by_class) {
      const Latencies& v = latencies["verder"][klass];
      Figure(prefix + klass + ".p50", l.p50 / v.p50, "x");
      Figure(prefix + klass + ".p99", l.p99 / v.p99, "x");
      Figure(prefix + klass + ".mean", l.mean / v.mean, "x");
    }
  }
  return 0;
}

}  // namespace
}  // namespace verder::bench

int main(int argc, char** argv) { return verder::bench::Main(argc, argv); }
