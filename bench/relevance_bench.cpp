// relevance_bench — how well Verder and Xapian rank the real DUO catalogue for the golden
// queries in tests/golden/search/ (issue 4: Verder must not be below Xapian on any class).
//
//   relevance_bench [--engines verder,xapian] [--data ../shared/data] [--resources data]
//                   [--queries tests/golden/search/queries.jsonl] [--xapian-dir /dev/shm]
//
// As the golden README suggests: each engine's ranked list (up to 100 courses) is collapsed to
// distinct primary codes in order of first appearance and cut at 10; NDCG@10 uses gain
// 2^grade - 1 against the ideal order of the query's judgements; recall@10 counts codes graded
// >= 2 among those 10, over min(10, their number); a typo query is a hit when the intended code
// or one of its equivalents is among the 10. Prints, per class and over all,
// <engine>.<class>.ndcg10 and .recall10, <engine>.typo_intended_top10 (in %), and
// verder_minus_<peer>.<class>.ndcg10 (positive: Verder ranks better).
// Prefix queries tell the peers that the last word is incomplete (Xapian's FLAG_PARTIAL).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "bench/engine.h"
#include "ingest/duo_import.h"
#include "ingest/reference_import.h"

namespace verder::bench {
namespace {

struct Options {
  std::vector<std::string> engines = {"verder", "xapian"};
  std::string data_dir = "../shared/data";
  std::string resources_dir = "data";
  std::string queries = "tests/golden/search/queries.jsonl";
  std::string xapian_dir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
};

struct Golden {
  std::string klass;
  std::string query;
  std::set<std::string> intended;  // the intended code and its equivalents
  std::map<std::string, int> grades;
};

Result<Options> ParseOptions(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("VERDER_DATA"); env != nullptr) o.data_dir = env;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return InvalidArgument(flag, "needs a value");
    const std::string value = argv[++i];
    if (flag == "--engines") {
      o.engines.clear();
      for (size_t b = 0; b <= value.size();) {
        const size_t e = std::min(value.find(',', b), value.size());
        if (e > b) o.engines.push_back(value.substr(b, e - b));
        b = e + 1;
      }
    } else if (flag == "--data") {
      o.data_dir = value;
    } else if (flag == "--resources") {
      o.resources_dir = value;
    } else if (flag == "--queries") {
      o.queries = value;
    } else if (flag == "--xapian-dir") {
      o.xapian_dir = value;
    } else {
      return InvalidArgument(flag, "unknown flag");
    }
  }
  return o;
}

Result<std::vector<Golden>> LoadGolden(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Unavailable("cannot read " + path);
  std::vector<Golden> out;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    try {
      const nlohmann::json j = nlohmann::json::parse(line);
      Golden g{j.at("class"), j.at("query"), {j.at("intended").get<std::string>()}, {}};
      for (const auto& e : j.value("intended_equivalents", nlohmann::json::array())) {
        g.intended.insert(e.get<std::string>());
      }
      for (const auto& [code, grade] : j.at("judgements").items()) g.grades[code] = grade;
      out.push_back(std::move(g));
    } catch (const nlohmann::json::exception& e) {
      return InvalidArgument(path + ":" + std::to_string(number), e.what());
    }
  }
  return out;
}

double Dcg(const std::vector<int>& grades) {
  double dcg = 0;
  for (size_t i = 0; i < grades.size() && i < 10; ++i) {
    dcg += (std::pow(2.0, grades[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return dcg;
}

double Ndcg10(const std::vector<std::string>& top, const Golden& g) {
  std::vector<int> got;
  for (const std::string& code : top) {
    const auto it = g.grades.find(code);
    got.push_back(it != g.grades.end() ? it->second : 0);
  }
  std::vector<int> ideal;
  for (const auto& [code, grade] : g.grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  const double best = Dcg(ideal);
  return best > 0 ? Dcg(got) / best : 0;
}

double Recall10(const std::vector<std::string>& top, const Golden& g) {
  size_t relevant = 0;
  size_t found = 0;
  for (const auto& [code, grade] : g.grades) {
    if (grade < 2) continue;
    ++relevant;
    if (std::find(top.begin(), top.end(), code) != top.end()) ++found;
  }
  if (relevant == 0) return 1;
  return static_cast<double>(found) / static_cast<double>(std::min<size_t>(10, relevant));
}

// The first ten distinct codes of the engine's answer.
std::vector<std::string> TopCodes(const BenchAnswer& a, const std::vector<BenchDoc>& docs) {
  std::vector<std::string> out;
  for (const int64_t id : a.ids) {
    const std::string& code = docs[static_cast<size_t>(id - 1)].code;
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    if (out.size() == 10) break;
  }
  return out;
}

Result<std::unique_ptr<BenchEngine>> MakeEngine(const std::string& name, const Options& o,
                                                const GeoIndex& geo) {
  const int32_t today = Date::FromYmd(2025, 9, 1).value().days_since_epoch();
  if (name == "verder") return MakeVerderEngine(o.resources_dir, &geo, today);
  if (name == "xapian") return MakeXapianEngine(o.xapian_dir);
  if (name == "fts5") return MakeFts5Engine();
  return InvalidArgument("--engines", "unknown engine " + name);
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

// Runs every golden query; returns class → mean NDCG@10 (and prints all figures).
Result<std::map<std::string, double>> Evaluate(BenchEngine* engine,
                                               const std::vector<Golden>& golden,
                                               const std::vector<BenchDoc>& docs) {
  std::map<std::string, std::vector<double>> ndcg;
  std::map<std::string, std::vector<double>> recall;
  int typo_queries = 0;
  int typo_found = 0;
  for (const Golden& g : golden) {
    const BenchAnswer a = engine->Query(
        {.klass = g.klass, .text = g.query, .prefix_last = g.klass == "prefix", .limit = 1000});
    if (!a.error.empty()) return Internal(engine->name() + ": \"" + g.query + "\": " + a.error);
    const std::vector<std::string> top = TopCodes(a, docs);
    for (const std::string& klass : {g.klass, std::string("all")}) {
      ndcg[klass].push_back(Ndcg10(top, g));
      recall[klass].push_back(Recall10(top, g));
    }
    if (g.klass == "typo") {
      ++typo_queries;
      const auto intended = [&](const std::string& code) { return g.intended.count(code) > 0; };
      typo_found += std::any_of(top.begin(), top.end(), intended) ? 1 : 0;
    }
  }
  std::map<std::string, double> out;
  for (const auto& [klass, values] : ndcg) {
    out[klass] = Mean(values);
    std::printf("%s.%s.ndcg10 %.3f score\n", engine->name().c_str(), klass.c_str(), out[klass]);
    std::printf("%s.%s.recall10 %.3f score\n", engine->name().c_str(), klass.c_str(),
                Mean(recall[klass]));
  }
  std::printf("%s.typo_intended_top10 %.1f %%\n", engine->name().c_str(),
              typo_queries == 0 ? 0.0 : 100.0 * typo_found / typo_queries);
  std::fflush(stdout);
  return out;
}

int Fail(const Error& e) {
  std::fprintf(stderr, "relevance_bench: %s\n", e.ToString().c_str());
  return 1;
}

int Main(int argc, char** argv) {
  const Result<Options> parsed = ParseOptions(argc, argv);
  if (!parsed.ok()) return Fail(parsed.error());
  const Options& o = parsed.value();
  const Result<std::vector<Golden>> golden = LoadGolden(o.queries);
  if (!golden.ok()) return Fail(golden.error());
  std::vector<ImportReport> reports;
  Result<ReferenceData> reference = ReadReferenceData(o.data_dir, &reports);
  if (!reference.ok()) return Fail(reference.error());
  const GeoIndex geo(std::move(reference).value());
  const Result<ImportedCatalog> duo = ReadDuoCatalog(o.data_dir, geo, &reports);
  if (!duo.ok()) return Fail(duo.error());
  const auto providers = ProviderDirectory(duo.value().providers);
  std::vector<BenchDoc> docs;
  for (const ImportedCourse& c : duo.value().courses) {
    const auto it = providers.find(c.provider_key);
    docs.push_back(ToBenchDoc(c, static_cast<int64_t>(docs.size()) + 1,
                              it != providers.end() ? it->second : ProviderEntry{}, geo));
  }
  std::printf("relevance.courses %zu courses\nrelevance.queries %zu queries\n", docs.size(),
              golden.value().size());

  std::map<std::string, std::map<std::string, double>> ndcg;
  for (const std::string& name : o.engines) {
    Result<std::unique_ptr<BenchEngine>> engine = MakeEngine(name, o, geo);
    if (!engine.ok()) return Fail(engine.error());
    if (const Status built = engine.value()->Build(docs); !built.ok()) return Fail(built.error());
    Result<std::map<std::string, double>> scores =
        Evaluate(engine.value().get(), golden.value(), docs);
    if (!scores.ok()) return Fail(scores.error());
    ndcg[name] = std::move(scores).value();
  }
  if (ndcg.count("verder") == 0) return 0;
  for (const auto& [peer, by_class] : ndcg) {
    if (peer == "verder") continue;
    for (const auto& [klass, value] : by_class) {
      std::printf("verder_minus_%s.%s.ndcg10 %+.3f score\n", peer.c_str(), klass.c_str(),
                  ndcg["verder"][klass] - value);
    }
  }
  return 0;
}

}  // namespace
}  // namespace verder::bench

int main(int argc, char** argv) { return verder::bench::Main(argc, argv); }
