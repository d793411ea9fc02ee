// fuzz/query_fuzzer.cpp — what a person types in the search box, as any bytes: folding and
// tokenising (text/), the analysis of each word (stems, compound parts, synonyms), the query plan
// with its typo corrections and completions, the search itself over a small index, the "did you
// mean" suggestion, and autocomplete. The real synonyms (data/synonyms.txt) and Dutch word list
// (wdutch) are used, so compound splitting and phrase synonyms meet real data.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "search/search_index.h"
#include "search/suggester.h"
#include "search/text_analysis.h"
#include "text/analysis.h"

namespace verder {
namespace {

struct QueryWorld {
  GeoIndex geo{fuzz::Reference()};
  std::unique_ptr<TextAnalysis> analysis;
  std::unique_ptr<SearchIndex> index;
  Suggester suggester;
};

QueryWorld* world = nullptr;  // built once in LLVMFuzzerInitialize, never freed

IndexedCourse MakeCourse(CourseId id, const char* title, const char* description, const char* pc4,
                         DeliveryMode mode) {
  IndexedCourse c;
  c.course.id = id;
  c.course.provider_id = id % 3 + 1;
  c.course.title.nl = title;
  c.course.description.nl = description;
  c.course.costs.tuition_cents = 10000 * id;
  c.course.mode = mode;
  c.course.level = static_cast<Level>(id % 10);
  c.course.skills = {"boekhouden", "wondzorg"};
  c.provider_name = "Leerhuis " + std::to_string(id % 3 + 1);
  Offering o;
  o.external_id = "o";
  o.start = Date::Parse("2026-09-01").value();
  if (mode != DeliveryMode::kOnline) o.location = {pc4, "0344", "Utrecht", ""};
  c.offerings.push_back(o);
  return c;
}

QueryWorld* BuildWorld() {
  auto* w = new QueryWorld();
  Result<std::unique_ptr<TextAnalysis>> analysis =
      TextAnalysis::LoadDefault(fuzz::SourcePath("data"));
  if (!analysis.ok()) fuzz::Fail("cannot load the text analysis: " + analysis.error().ToString());
  w->analysis = std::move(analysis).value();
  w->index = std::make_unique<SearchIndex>(&w->geo, w->analysis.get());
  struct Seed {
    const char* title;
    const char* description;
  };
  const Seed seeds[] = {
      {"Verpleegkundige niveau 4", "Je leert zorg verlenen in het ziekenhuis en de wijk."},
      {"Basiscursus boekhouden", "Facturen boeken, btw-aangifte en een balans lezen."},
      {"Zorgmedewerker in de wijkverpleging", "Wondzorg, medicatie en kinderopvang."},
      {"ICT-beheerder", "Netwerken, servers en informatica voor het mkb."},
      {"Bedrijfskunde (deeltijd)", "Management, organisatiekunde en bedrijfsvoering."},
      {"Café-medewerker", "Horeca: koffie, bediening en gastvrijheid."},
      {"Programmeren in Python", "Software development for beginners, in English."},
      {"Kok niveau 2", "Koken in een restaurantkeuken; hygiëne en HACCP."},
      {"Voorschoolse educatie", "Taalontwikkeling van peuters in de kinderopvang."},
      {"Loonadministratie", "Salarisadministratie en personeelszaken."},
  };
  std::vector<IndexedCourse> courses;
  std::vector<Suggestion> suggestions;
  CourseId id = 1;
  for (const Seed& s : seeds) {
    courses.push_back(MakeCourse(id, s.title, s.description, id % 2 == 0 ? "3511" : "9711",
                                 static_cast<DeliveryMode>(id % 4)));
    suggestions.push_back({s.title, "course", id});
    ++id;
  }
  w->index->Upsert(courses);
  for (const VocabularyTerm& t : w->geo.data().occupations)
    suggestions.push_back({t.label, "occupation", 0});
  for (const VocabularyTerm& t : w->geo.data().skills) suggestions.push_back({t.label, "skill", 0});
  w->suggester = Suggester(std::move(suggestions));
  return w;
}

}  // namespace
}  // namespace verder

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  verder::world = verder::BuildWorld();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verder;  // NOLINT(google-build-using-namespace)
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // text/ promises to take any bytes and to give valid UTF-8 tokens of bounded length.
  const std::string folded = FoldText(text);
  const std::vector<std::string> tokens = Tokenize(text);
  if (tokens.size() > 512) fuzz::Fail("Tokenize returned more than max_tokens");
  for (const std::string& token : tokens) {
    if (token.empty() || token.size() > kMaxTokenBytes) fuzz::Fail("token of bad length");
    IsStopWord(token);
    world->analysis->Analyse(token, Language::kDutch);
    world->analysis->Analyse(token, Language::kEnglish);
  }

  // The search API passes q through once it is valid UTF-8 of at most 10 KB; search anyway, the
  // engine must not depend on that check.
  SearchQuery query;
  query.text = std::string(text);
  query.today = Date::Parse("2026-06-01").value();
  query.per_page = 5;
  query.sort = size % 2 == 0 ? SortOrder::kRelevance : SortOrder::kPriceAscending;
  const SearchResult result = world->index->Search(query);
  if (result.hits.size() > 5 || result.total < static_cast<int64_t>(result.hits.size()) ||
      result.total > 10) {
    fuzz::Fail("search result counts out of range");
  }

  // The suggest API caps q at 200 bytes.
  const std::vector<Suggestion> suggestions = world->suggester.Suggest(text.substr(0, 200), 8);
  if (suggestions.size() > 8) fuzz::Fail("more suggestions than the limit");
  return 0;
}
