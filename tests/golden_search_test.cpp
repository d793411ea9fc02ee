// Relevance on the real DUO catalogue: the golden queries in tests/golden/search/, graded from
// the course titles before the engine existed. Fails when NDCG@10 of any query class drops
// below the level recorded in tests/golden/search/recorded.json, or when fewer than 90% of the
// typo queries find the intended course.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ingest/duo_import.h"
#include "ingest/reference_import.h"
#include "search/search_index.h"
#include "tests/test_paths.h"

namespace verder {
namespace {

using nlohmann::json;

std::string SourceDir() {
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  return src != nullptr ? src : VERDER_SOURCE_DIR_DEFAULT;
}

struct Golden {
  std::string id, klass, query, intended;
  std::set<std::string> intended_codes;
  std::map<std::string, int> grades;
};

std::vector<Golden> LoadGolden() {
  std::vector<Golden> out;
  std::ifstream in(SourceDir() + "/tests/golden/search/queries.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    Golden g{j["id"], j["class"], j["query"], j["intended"], {}, {}};
    g.intended_codes.insert(g.intended);
    for (const auto& e : j.value("intended_equivalents", json::array()))
      g.intended_codes.insert(e.get<std::string>());
    for (const auto& [code, grade] : j["judgements"].items()) g.grades[code] = grade.get<int>();
    out.push_back(std::move(g));
  }
  return out;
}

class GoldenSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<ImportReport> reports;
    auto ref = ReadReferenceData(testing::SharedDataDir(), &reports);
    ASSERT_TRUE(ref.ok()) << ref.error().ToString();
    geo_ = new GeoIndex(std::move(ref).value());
    auto analysis = TextAnalysis::LoadDefault(SourceDir() + "/data");
    ASSERT_TRUE(analysis.ok()) << analysis.error().ToString();
    analysis_ = std::move(analysis).value().release();
    auto duo = ReadDuoCatalog(testing::SharedDataDir(), *geo_, &reports);
    ASSERT_TRUE(duo.ok());
    index_ = new SearchIndex(geo_, analysis_);
    codes_ = new std::vector<std::string>();
    std::map<std::string, std::string> provider_names;
    for (const Provider& p : duo.value().providers) provider_names[p.key] = p.name;
    std::vector<IndexedCourse> courses;
    for (const ImportedCourse& c : duo.value().courses) {
      IndexedCourse ic{c.course.course, c.course.offerings, provider_names[c.provider_key]};
      ic.course.id = static_cast<CourseId>(codes_->size()) + 1;
      codes_->push_back(c.course.course.primary_code.code);
      courses.push_back(std::move(ic));
    }
    index_->Upsert(courses);
  }
  static void TearDownTestSuite() {
    delete index_;
    delete analysis_;
    delete geo_;
    delete codes_;
  }

  // The first ten distinct codes the engine returns (the README's collapse rule: one course
  // offered by forty schools is one answer). Pages on while a page brings only repeats.
  static std::vector<std::string> TopCodes(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.per_page = 100;
    std::vector<std::string> out;
    for (q.page = 1; q.page <= 10 && out.size() < 10; ++q.page) {
      const SearchResult r = index_->Search(q);
      for (const SearchHit& h : r.hits) {
        const std::string& code = (*codes_)[static_cast<size_t>(h.id - 1)];
        if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
        if (out.size() == 10) break;
      }
      if (r.hits.size() < 100) break;
    }
    return out;
  }

  static GeoIndex* geo_;
  static TextAnalysis* analysis_;
  static SearchIndex* index_;
  static std::vector<std::string>* codes_;
};
GeoIndex* GoldenSearchTest::geo_ = nullptr;
TextAnalysis* GoldenSearchTest::analysis_ = nullptr;
SearchIndex* GoldenSearchTest::index_ = nullptr;
std::vector<std::string>* GoldenSearchTest::codes_ = nullptr;

double Ndcg10(const std::vector<std::string>& got, const std::map<std::string, int>& grades) {
  double dcg = 0;
  for (size_t i = 0; i < got.size() && i < 10; ++i) {
    const auto it = grades.find(got[i]);
    if (it != grades.end())
      dcg += (std::pow(2.0, it->second) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  ideal.reserve(grades.size());
  for (const auto& [code, g] : grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < 10; ++i)
    idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

double Recall10(const std::vector<std::string>& got, const std::map<std::string, int>& grades) {
  size_t relevant = 0;
  size_t found = 0;
  for (const auto& [code, g] : grades) {
    if (g < 2) continue;
    ++relevant;
    if (std::find(got.begin(), got.end(), code) != got.end()) ++found;
  }
  return relevant == 0
             ? 1
             : static_cast<double>(found) / static_cast<double>(std::min<size_t>(10, relevant));
}

TEST_F(GoldenSearchTest, NdcgPerClassStaysAtTheRecordedLevel) {
  std::map<std::string, std::vector<double>> ndcg;
  std::map<std::string, std::vector<double>> recall;
  int typo_queries = 0;
  int typo_found = 0;
  for (const Golden& g : LoadGolden()) {
    const std::vector<std::string> top = TopCodes(g.query);
    ndcg[g.klass].push_back(Ndcg10(top, g.grades));
    ndcg["all"].push_back(ndcg[g.klass].back());
    recall[g.klass].push_back(Recall10(top, g.grades));
    recall["all"].push_back(recall[g.klass].back());
    if (g.klass == "typo") {
      ++typo_queries;
      const bool found = std::any_of(top.begin(), top.end(), [&](const std::string& c) {
        return g.intended_codes.count(c) > 0;
      });
      typo_found += found ? 1 : 0;
      if (!found) std::printf("typo miss: %s\n", g.query.c_str());
    }
  }
  const auto mean = [](const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
  };
  std::ifstream in(SourceDir() + "/tests/golden/search/recorded.json");
  const json recorded = in ? json::parse(in) : json::object();
  for (const auto& [klass, values] : ndcg) {
    std::printf("verder.ndcg10.%s %.3f\nverder.recall10.%s %.3f\n", klass.c_str(), mean(values),
                klass.c_str(), mean(recall[klass]));
    if (recorded.contains(klass)) {
      EXPECT_GE(mean(values), recorded[klass].get<double>() - 0.005)
          << "NDCG@10 of class " << klass << " dropped";
    }
  }
  EXPECT_FALSE(recorded.empty()) << "no recorded levels in tests/golden/search/recorded.json";
  std::printf("verder.typo_intended_top10 %d/%d\n", typo_found, typo_queries);
  EXPECT_GE(typo_found * 10, typo_queries * 9)
      << "fewer than 90% of typo queries find the intended course";
}

}  // namespace
}  // namespace verder
