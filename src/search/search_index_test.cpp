#include "search/search_index.h"
#include "search/similar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>
#include <tuple>

namespace verder {
namespace {

class SearchIndexTest : public ::testing::Test {
 protected:
  static ReferenceData Places() {
    ReferenceData d;
    d.regions = {{1, "Groot Amsterdam"}, {2, "Midden-Utrecht"}, {3, "Groningen"}};
    d.municipalities = {{"0363", "Amsterdam", "Noord-Holland", 1},
                        {"0344", "Utrecht", "Utrecht", 2},
                        {"0014", "Groningen", "Groningen", 3}};
    d.postcodes = {{"1012", 52.372, 4.897, "Amsterdam", "0363"},
                   {"3511", 52.092, 5.118, "Utrecht", "0344"},
                   {"9711", 53.219, 6.566, "Groningen", "0014"}};
    return d;
  }
  static std::unique_ptr<TextAnalysis> Analysis() {
    auto synonyms =
        SynonymTable::Parse("ict, informatica\nnursing, verpleegkunde, verpleegkundige\n");
    EXPECT_TRUE(synonyms.ok());
    return std::make_unique<TextAnalysis>(
        CompoundSplitter::FromWords(
            {"zorg", "medewerker", "kinder", "opvang", "gezondheid", "verpleeg", "kunde"}),
        std::move(synonyms).value());
  }

  SearchIndexTest() : geo_(Places()), analysis_(Analysis()), index_(&geo_, analysis_.get()) {}

  static IndexedCourse Make(CourseId id, const std::string& title, const std::string& pc4 = "3511",
                            Cents price = 50000, DeliveryMode mode = DeliveryMode::kClassroom) {
    IndexedCourse c;
    c.course.id = id;
    c.course.provider_id = id % 3 + 1;
    c.course.title.nl = title;
    c.course.costs.tuition_cents = price;
    c.course.mode = mode;
    c.provider_name = "Aanbieder " + std::to_string(id % 3 + 1);
    Offering o;
    o.external_id = "a";
    o.start = Date::Parse("2026-12-01").value();
    const std::map<std::string, std::pair<std::string, std::string>> places = {
        {"1012", {"0363", "Amsterdam"}},
        {"3511", {"0344", "Utrecht"}},
        {"9711", {"0014", "Groningen"}}};
    if (mode != DeliveryMode::kOnline)
      o.location = {pc4, places.at(pc4).first, places.at(pc4).second, ""};
    c.offerings.push_back(o);
    return c;
  }

  SearchQuery Query(const std::string& text) const {
    SearchQuery q;
    q.text = text;
    q.today = Date::Parse("2026-11-23").value();
    q.per_page = 100;
    return q;
  }
  std::vector<CourseId> Ids(const SearchQuery& q) const {
    std::vector<CourseId> ids;
    for (const SearchHit& h : index_.Search(q).hits) ids.push_back(h.id);
    return ids;
  }
  static int64_t FacetCount(const SearchResult& r, const std::string& field,
                            const std::string& value) {
    for (const Facet& f : r.facets) {
      if (f.field != field) continue;
      for (const FacetValue& v : f.values) {
        if (v.value == value) return v.count;
      }
    }
    return 0;
  }

  GeoIndex geo_;
  std::unique_ptr<TextAnalysis> analysis_;
  SearchIndex index_;
};

TEST_F(SearchIndexTest, FindsByTitleWordWithStemming) {
  index_.Upsert(
      {Make(1, "Boekhouden voor beginners"), Make(2, "Cursus Excel"), Make(3, "Boekhouder")});
  // Boekhouden (the subject) and boekhouder (the person) share their stem.
  EXPECT_EQ(Ids(Query("boekhouden")), (std::vector<CourseId>{1, 3}));
  EXPECT_EQ(Ids(Query("excel")), (std::vector<CourseId>{2}));
  EXPECT_EQ(index_.Search(Query("boekhouders")).total, 2);  // plural meets singular
  EXPECT_EQ(index_.Search(Query("beginner")).total, 1);
}

TEST_F(SearchIndexTest, CompoundQueryFindsItsPartsApart) {
  index_.Upsert({Make(1, "Medewerker in de zorg"), Make(2, "Medewerker logistiek"),
                 Make(3, "Zorgmedewerker niveau 2")});
  const std::vector<CourseId> ids = Ids(Query("zorgmedewerker"));
  ASSERT_EQ(ids.size(), 2U);
  EXPECT_EQ(ids[0], 3);  // the whole word ranks first
  EXPECT_EQ(ids[1], 1);
}

TEST_F(SearchIndexTest, TypoFindsTheWordAndExactRanksFirst) {
  index_.Upsert({Make(1, "Verpleegkunde"), Make(2, "Cursus Excel"), Make(3, "Cursus Exel")});
  EXPECT_EQ(Ids(Query("verplegkunde")), (std::vector<CourseId>{1}));
  const std::vector<CourseId> ids = Ids(Query("excel"));
  ASSERT_EQ(ids.size(), 2U);
  EXPECT_EQ(ids[0], 2);
}

TEST_F(SearchIndexTest, ShortWordsGetNoTypoTolerance) {
  index_.Upsert({Make(1, "Kok"), Make(2, "Kik")});
  EXPECT_EQ(Ids(Query("kok")), (std::vector<CourseId>{1}));
}

TEST_F(SearchIndexTest, LastWordIsAPrefix) {
  index_.Upsert({Make(1, "Verpleegkundige"), Make(2, "Verkoper")});
  EXPECT_EQ(Ids(Query("verpleeg")), (std::vector<CourseId>{1}));
}

TEST_F(SearchIndexTest, SynonymsIncludingEnglishQueries) {
  index_.Upsert({Make(1, "Informatica"), Make(2, "Verpleegkunde"), Make(3, "Bakker")});
  EXPECT_EQ(Ids(Query("ict")), (std::vector<CourseId>{1}));
  EXPECT_EQ(Ids(Query("nursing")), (std::vector<CourseId>{2}));
}

TEST_F(SearchIndexTest, FiltersCombine) {
  index_.Upsert({Make(1, "Cursus koken", "1012", 30000), Make(2, "Cursus koken", "3511", 90000),
                 Make(3, "Cursus koken", "9711", 20000),
                 Make(4, "Cursus koken", "3511", 10000, DeliveryMode::kOnline)});
  SearchQuery q = Query("koken");
  q.regions = {2};
  EXPECT_EQ(Ids(q), (std::vector<CourseId>{2}));
  q = Query("koken");
  q.price_max = 50000;
  q.modes = {DeliveryMode::kClassroom};
  EXPECT_EQ(index_.Search(q).total, 2);
  q = Query("koken");
  q.near_pc4 = "3511";
  q.radius_km = 50;  // Amsterdam is ~35 km from Utrecht, Groningen ~150 km
  q.sort = SortOrder::kDistance;
  EXPECT_EQ(Ids(q), (std::vector<CourseId>{2, 1, 4}));  // online passes, without a distance: last
  q = Query("");
  q.sort = SortOrder::kPriceAscending;
  EXPECT_EQ(Ids(q), (std::vector<CourseId>{4, 3, 1, 2}));
}

TEST_F(SearchIndexTest, FacetsAreDisjunctive) {
  index_.Upsert({Make(1, "Engels", "1012", 100, DeliveryMode::kOnline), Make(2, "Engels", "3511"),
                 Make(3, "Engels", "3511"), Make(4, "Duits", "3511")});
  SearchQuery q = Query("engels");
  q.modes = {DeliveryMode::kOnline};
  const SearchResult r = index_.Search(q);
  EXPECT_EQ(r.total, 1);
  EXPECT_EQ(FacetCount(r, "mode", "online"), 1);
  EXPECT_EQ(FacetCount(r, "mode", "classroom"), 2);  // still shown while "online" is chosen
  EXPECT_EQ(FacetCount(r, "region", "2"), 0);        // the online course has no region
  q.modes = {};
  EXPECT_EQ(FacetCount(index_.Search(q), "region", "2"), 2);
}

TEST_F(SearchIndexTest, CountingByFacetKeyAgreesWithCountingEachDocument) {
  // A relevance query without other filters counts per facet key; a filter every course passes
  // (a duration of at most 65,535 weeks) sends the same query down the per-document path.
  // Both must give the same total, facets and page, over several segments with deletions.
  std::mt19937 random(7);
  const std::vector<std::string> words = {"zorg",  "medewerker", "timmeren", "boekhouden",
                                          "koken", "lassen",     "metselen", "verpleegkunde"};
  const std::vector<std::string> places = {"1012", "3511", "9711"};
  const std::vector<DeliveryMode> modes = {DeliveryMode::kClassroom, DeliveryMode::kOnline,
                                           DeliveryMode::kBlended};
  const auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  // Each batch under a quarter of the one before: they stay separate segments.
  for (const int batch : {1500, 300, 60, 12}) {
    std::vector<IndexedCourse> courses;
    for (int i = 0; i < batch; ++i) {
      const auto id = static_cast<CourseId>(1 + pick(1500));
      std::string title = words[pick(words.size())];
      for (size_t extra = pick(3); extra > 0; --extra) title += " " + words[pick(words.size())];
      IndexedCourse c = Make(id, title, places[pick(places.size())],
                             static_cast<Cents>(pick(6) * 40000), modes[pick(modes.size())]);
      c.course.is_demo = pick(4) == 0;
      courses.push_back(std::move(c));
    }
    index_.Upsert(courses);
    for (int i = 0; i < 30; ++i) index_.Remove(static_cast<CourseId>(1 + pick(1500)));
  }
  ASSERT_GE(index_.snapshot()->segments.size(), 3U);
  const auto facets_of = [](const SearchResult& r) {
    std::vector<std::tuple<std::string, std::string, int64_t>> out;
    for (const Facet& f : r.facets) {
      for (const FacetValue& v : f.values) out.emplace_back(f.field, v.value, v.count);
    }
    return out;
  };
  int with_matches = 0;
  for (int n = 0; n < 300; ++n) {
    SearchQuery q = Query(pick(5) == 0 ? "" : words[pick(words.size())].substr(0, 3 + pick(6)));
    if (pick(3) == 0) q.text += " " + words[pick(words.size())];
    if (pick(2) == 0) q.regions = {static_cast<int>(1 + pick(3))};
    if (pick(3) == 0) q.price_max = static_cast<Cents>(pick(5) * 50000);
    if (pick(4) == 0) q.price_min = static_cast<Cents>(pick(3) * 50000);
    if (pick(3) == 0) q.modes = {modes[pick(modes.size())]};
    q.per_page = 7;
    q.page = static_cast<int>(1 + pick(3));
    SearchQuery per_document = q;
    per_document.duration_weeks_max = 65535;
    const SearchResult fast = index_.Search(q);
    const SearchResult slow = index_.Search(per_document);
    ASSERT_EQ(fast.total, slow.total) << n << " " << q.text;
    EXPECT_EQ(facets_of(fast), facets_of(slow)) << n << " " << q.text;
    std::vector<CourseId> fast_ids;
    std::vector<CourseId> slow_ids;
    for (const SearchHit& h : fast.hits) fast_ids.push_back(h.id);
    for (const SearchHit& h : slow.hits) slow_ids.push_back(h.id);
    EXPECT_EQ(fast_ids, slow_ids) << n << " " << q.text;
    if (fast.total > 0) ++with_matches;
  }
  EXPECT_GT(with_matches, 150);
}

TEST_F(SearchIndexTest, UpdatesAndRemovalsAreVisibleAtOnce) {
  index_.Upsert({Make(1, "Lassen"), Make(2, "Schilderen")});
  EXPECT_EQ(Ids(Query("lassen")), (std::vector<CourseId>{1}));
  index_.Upsert({Make(1, "Metselen")});
  EXPECT_TRUE(Ids(Query("lassen")).empty());
  EXPECT_EQ(Ids(Query("metselen")), (std::vector<CourseId>{1}));
  index_.Remove(2);
  EXPECT_TRUE(Ids(Query("schilderen")).empty());
  IndexedCourse withdrawn = Make(1, "Metselen");
  withdrawn.course.status = CourseStatus::kWithdrawn;
  index_.Upsert({withdrawn});
  EXPECT_EQ(index_.size(), 0U);
}

TEST_F(SearchIndexTest, ManySmallUpdatesMergeAndStayCorrect) {
  for (CourseId id = 1; id <= 300; ++id)
    index_.Upsert({Make(id, id % 2 == 0 ? "Timmeren" : "Tuinieren")});
  for (CourseId id = 1; id <= 300; id += 3) index_.Upsert({Make(id, "Bakken")});
  EXPECT_EQ(index_.size(), 300U);
  EXPECT_EQ(index_.Search(Query("bakken")).total, 100);
  EXPECT_EQ(index_.Search(Query("timmeren")).total, 100);  // 150 even ids, 50 of them became bakken
  EXPECT_LE(index_.snapshot()->segments.size(), 8U);
}

TEST_F(SearchIndexTest, AMergedSegmentFindsTyposAsOneBuiltFromItsLiveDocumentsDoes) {
  // Merge renumbers both deletion indexes instead of recomputing them: it must end with the
  // same typo candidates, without the terms only deleted documents had.
  const std::vector<IndexedCourse> a = {Make(1, "Timmeren en metselen"), Make(2, "Lassen"),
                                        Make(3, "Boekhouden voor zzp")};
  const std::vector<IndexedCourse> b = {Make(4, "Tuinieren"), Make(5, "Schilderen en metselen"),
                                        Make(6, "Boekhouding")};
  const auto seg_a = Segment::Build(a, *analysis_, geo_);
  const auto seg_b = Segment::Build(b, *analysis_, geo_);
  Bitmap a_deleted;
  SetBit(&a_deleted, 1);  // "Lassen": its terms leave with it
  Bitmap b_deleted;
  SetBit(&b_deleted, 0);  // "Tuinieren"
  const auto merged = Segment::Merge(*seg_a, a_deleted, *seg_b, b_deleted);
  const std::vector<IndexedCourse> live = {a[0], a[2], b[1], b[2]};
  const auto fresh = Segment::Build(live, *analysis_, geo_);
  ASSERT_EQ(merged->size(), 4U);
  const auto typos = [](const Segment& s, const std::string& word) {
    std::vector<std::pair<std::string, int>> out;
    s.CollectTypos(word, 2, &out);
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const std::string word : {"timeren", "metslen", "boekhoudn", "schilderne", "lasen",
                                 "tuinieen", "boekhoding", "zzp"}) {
    EXPECT_EQ(typos(*merged, word), typos(*fresh, word)) << word;
  }
  EXPECT_FALSE(typos(*merged, "metslen").empty());
  EXPECT_TRUE(typos(*merged, "lasen").empty());
  EXPECT_TRUE(typos(*merged, "tuinieen").empty());
}

TEST_F(SearchIndexTest, HostileQueriesGetAnAnswer) {
  index_.Upsert({Make(1, "Boekhouden")});
  EXPECT_EQ(index_.Search(Query(std::string(10240, 'a'))).total, 0);
  // Invalid bytes are dropped (the API rejects them before; the engine must not trip on them).
  EXPECT_EQ(index_.Search(Query(std::string("boek\xFF\xFEhouden"))).total, 1);
  EXPECT_EQ(index_.Search(Query("de het een")).total, 1);  // only stop words: browse
  EXPECT_EQ(index_.Search(Query("!!! ??? ...")).total, 1);
  SearchQuery deep = Query("boekhouden");
  deep.page = 1000000;
  EXPECT_TRUE(index_.Search(deep).hits.empty());
}

TEST_F(SearchIndexTest, NothingFoundSuggestsACorrection) {
  index_.Upsert({Make(1, "Boekhouden"), Make(2, "Boekhouden")});
  const SearchResult r = index_.Search(Query("boekhoudn xyzzyq"));
  EXPECT_EQ(r.total, 0);
  EXPECT_NE(r.suggestion.find("boekhoud"), std::string::npos) << r.suggestion;
}

TEST_F(SearchIndexTest, ReadersNeverSeeHalfAChange) {
  // Two titles swap back and forth in one Upsert; a reader must always see exactly one of each.
  index_.Upsert({Make(1, "Lassen"), Make(2, "Solderen")});
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  readers.reserve(2);
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        const int64_t a = index_.Search(Query("lassen")).total;
        const int64_t b = index_.Search(Query("solderen")).total;
        const size_t n = index_.size();
        if (a > 1 || b > 1 || n != 2) bad.fetch_add(1);
      }
    });
  }
  for (int i = 0; i < 300; ++i) {
    index_.Upsert(
        {Make(1, i % 2 == 0 ? "Solderen" : "Lassen"), Make(2, i % 2 == 0 ? "Lassen" : "Solderen")});
  }
  stop.store(true);
  for (std::thread& r : readers) r.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(index_.Search(Query("lassen")).total, 1);
}

TEST_F(SearchIndexTest, OnlyAndExcludeIdsRestrictTheAnswer) {
  index_.Upsert({Make(1, "Boekhouden"), Make(2, "Boekhouden thuis"), Make(3, "Boekhouden online")});
  SearchQuery q = Query("boekhouden");
  q.only_ids = {3, 1, 99};
  EXPECT_EQ(index_.Search(q).total, 2);
  q.exclude_ids = {1};
  EXPECT_EQ(Ids(q), (std::vector<CourseId>{3}));
  q.only_ids.clear();
  EXPECT_EQ(index_.Search(q).total, 2);
}

TEST_F(SearchIndexTest, SimilarCoursesShareTheTitleThenTheOccupationAndNeverTheCourseItself) {
  IndexedCourse nurse = Make(1, "Verpleegkunde");
  nurse.course.occupations = {"Verpleegkundige"};
  IndexedCourse other_school = Make(2, "Verpleegkunde");
  IndexedCourse care = Make(3, "Helpende zorg");
  care.course.occupations = {"Verpleegkundige"};
  index_.Upsert({nurse, other_school, care, Make(4, "Cursus Excel")});
  const std::vector<SearchHit> similar =
      SimilarCourses(index_, nurse.course, Date::Parse("2026-11-23").value(), 4);
  std::vector<CourseId> ids(similar.size());
  for (size_t i = 0; i < similar.size(); ++i) ids[i] = similar[i].id;
  // The same title first, then the same occupation; Excel shares nothing.
  EXPECT_EQ(ids, (std::vector<CourseId>{2, 3}));
  EXPECT_EQ(SimilarCourses(index_, nurse.course, Date::Parse("2026-11-23").value(), 1).size(), 1U);
}

// A stand-in for a person's funding: the STAP register pays up to €500.
class StapPaysUpTo500 : public NetCostModel {
 public:
  std::optional<Cents> NetCents(const CourseCostFacts& c) const override {
    if (!c.stated) return std::nullopt;
    const Cents total = c.registration_cents + c.tuition_cents + c.materials_cents + c.other_cents;
    return (c.funding_flags & kFundingStapRegister) != 0 ? std::max<Cents>(0, total - 50000)
                                                         : total;
  }
};

TEST_F(SearchIndexTest, FiltersAndSortsOnThePersonsNetCost) {
  IndexedCourse funded = Make(1, "Boekhouden", "3511", 90000);  // costs the person €400
  funded.course.funding_flags = kFundingStapRegister;
  IndexedCourse cheap = Make(2, "Boekhouden", "3511", 60000);  // €600, nothing pays
  IndexedCourse dear = Make(3, "Boekhouden", "3511", 200000);  // €2,000
  IndexedCourse unknown = Make(4, "Boekhouden", "3511");
  unknown.course.costs.stated = false;  // no price: no net cost, never "free"
  index_.Upsert({funded, cheap, dear, unknown});
  const StapPaysUpTo500 model;
  SearchQuery q = Query("boekhouden");
  q.net_cost = &model;
  q.sort = SortOrder::kNetCost;
  EXPECT_EQ(Ids(q), (std::vector<CourseId>{1, 2, 3, 4}));  // unknown last
  q.net_cost_max = 60000;
  const SearchResult r = index_.Search(q);
  ASSERT_EQ(r.total, 2);
  EXPECT_EQ(r.hits[0].id, 1);
  EXPECT_EQ(r.hits[0].net_cost_cents, 40000);
  EXPECT_EQ(r.hits[1].net_cost_cents, 60000);
  // A facet counts what the net-cost filter lets through.
  EXPECT_EQ(FacetCount(r, "level", "none"), 2);
}

// Made-up words, as a stream of hostile queries brings them, fill the word cache up to its
// bound and no further; words beyond it are still analysed the same way.
TEST(TextAnalysisCacheTest, StaysWithinItsBound) {
  const TextAnalysis analysis(CompoundSplitter::FromWords({"zorg", "medewerker"}), SynonymTable(),
                              /*max_cached_words=*/1600);
  std::vector<std::string> stems;
  stems.reserve(5000);
  for (int i = 0; i < 5000; ++i) {
    stems.push_back(analysis.Stem("woord" + std::to_string(i) + "en", Language::kDutch));
  }
  EXPECT_LE(analysis.CachedWords(Language::kDutch), 1600U);
  EXPECT_GE(analysis.CachedWords(Language::kDutch), 1000U);  // it does cache
  EXPECT_EQ(analysis.CachedWords(Language::kEnglish), 0U);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(analysis.Stem("woord" + std::to_string(i) + "en", Language::kDutch), stems[i]);
  }
  EXPECT_EQ(analysis.Analyse("zorgmedewerker", Language::kDutch).part_stems.size(), 2U);
}

}  // namespace
}  // namespace verder
