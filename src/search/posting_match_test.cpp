// MatchPlan against a brute-force reference: every document scored directly from the posting
// lists. The random plans are shaped to take each of MatchPlan's paths — one driving list,
// probing, listing and intersecting, pairwise unions and the dense union of many variants.
#include "search/posting_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/rng.h"

namespace verder {
namespace {

// Common words appear in most titles, rare ones in a few: a mix of short and long lists.
constexpr std::array<const char*, 24> kWords = {
    "zorg", "kok",     "lassen",   "bakker",     "excel",   "python", "boekhouden", "verkoop",
    "taal", "rekenen", "heftruck", "veiligheid", "leiding", "coach",  "schilder",   "monteur",
    "data", "web",     "engels",   "duits",      "kapper",  "bouw",   "techniek",   "logistiek"};

std::string RandomTitle(Rng* rng) {
  std::string title;
  const size_t n = 2 + rng->Below(5);
  for (size_t i = 0; i < n; ++i) {
    // Squaring skews towards the first words, so early words are common and late ones rare.
    const double r = rng->Real();
    const size_t w = static_cast<size_t>(r * r * static_cast<double>(kWords.size()));
    title += (i > 0 ? " " : "") + std::string(kWords[w]);
  }
  return title;
}

// The score of `doc` for one term, or nothing when the term does not occur in it.
std::optional<float> TermScore(const Segment& s, const std::string& term, float weight,
                               IdfTable* idf, uint32_t doc) {
  const PostingList p = s.Postings(term);
  const uint32_t* at = std::lower_bound(p.docs, p.docs + p.size, doc);
  if (at == p.docs + p.size || *at != doc) return std::nullopt;
  return weight * idf->Idf(term) / 255.0F * static_cast<float>(p.impacts[at - p.docs]);
}

ScoredList Reference(const Segment& s, const QueryPlan& plan, IdfTable* idf) {
  ScoredList out;
  for (uint32_t doc = 0; doc < s.size(); ++doc) {
    float total = 0;
    bool all_groups = true;
    for (const WordGroup& g : plan.groups) {
      std::optional<float> best;
      for (const TermVariant& v : g.variants) {
        float sum = 0;
        bool all_terms = !v.terms.empty();
        for (const std::string& t : v.terms) {
          const std::optional<float> ts = TermScore(s, t, v.weight, idf, doc);
          if (!ts) {
            all_terms = false;
            break;
          }
          sum += *ts;
        }
        if (all_terms && (!best || sum > *best)) best = sum;
      }
      if (!best) {
        all_groups = false;
        break;
      }
      total += *best;
    }
    if (!all_groups) continue;
    for (const std::string& b : plan.bigrams) {
      if (const std::optional<float> bs = TermScore(s, b, 1.0F, idf, doc)) total += *bs;
    }
    out.push_back({doc, total});
  }
  return out;
}

class PostingMatchTest : public ::testing::Test {
 protected:
  PostingMatchTest()
      : geo_(ReferenceData{}),
        analysis_(CompoundSplitter::FromWords({}), SynonymTable::Parse("").value()) {
    Rng rng(7);
    std::vector<IndexedCourse> courses;
    for (CourseId id = 1; id <= 4000; ++id) {
      IndexedCourse c;
      c.course.id = id;
      c.course.title.nl = RandomTitle(&rng);
      c.provider_name = "Aanbieder";
      courses.push_back(std::move(c));
    }
    segment_ = Segment::Build(courses, analysis_, geo_);
  }

  // A term as the index holds it.
  std::string Term(const std::string& word) const { return analysis_.Stem(word, Language::kDutch); }

  WordGroup RandomGroup(Rng* rng, size_t max_variants) const {
    WordGroup g;
    const size_t variants = 1 + rng->Below(max_variants);
    for (size_t v = 0; v < variants; ++v) {
      TermVariant tv;
      tv.weight = 0.3F + static_cast<float>(rng->Below(8)) / 10.0F;
      const size_t terms = rng->Chance(0.2) ? 2 : 1;
      for (size_t t = 0; t < terms; ++t)
        tv.terms.push_back(Term(kWords[rng->Below(kWords.size())]));
      if (rng->Chance(0.05)) tv.terms.push_back("woordzonderdocument");
      g.variants.push_back(std::move(tv));
    }
    return g;
  }

  void ExpectSame(const QueryPlan& plan) const {
    const std::vector<const Segment*> segments = {segment_.get()};
    IdfTable idf(segments, segment_->size());
    ScoredList got;
    MatchPlan(*segment_, plan, &idf, &got);
    const ScoredList want = Reference(*segment_, plan, &idf);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(got[i].doc, want[i].doc) << "at " << i;
      ASSERT_NEAR(got[i].score, want[i].score, 1e-4F) << "doc " << want[i].doc;
    }
  }

  GeoIndex geo_;
  TextAnalysis analysis_;
  std::shared_ptr<const Segment> segment_;
};

TEST_F(PostingMatchTest, RandomPlansMatchTheBruteForceReference) {
  Rng rng(11);
  size_t non_empty = 0;
  for (int round = 0; round < 300; ++round) {
    QueryPlan plan;
    const size_t groups = 1 + rng.Below(3);
    // Up to 12 variants reaches the dense union; one-variant groups drive and probe.
    for (size_t g = 0; g < groups; ++g)
      plan.groups.push_back(RandomGroup(&rng, round % 2 ? 12 : 2));
    if (rng.Chance(0.3)) {
      plan.bigrams.push_back("\x01" + Term(kWords[rng.Below(6)]) + " " +
                             Term(kWords[rng.Below(6)]));
    }
    ExpectSame(plan);
    if (HasFatalFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
    const std::vector<const Segment*> segments = {segment_.get()};
    IdfTable idf(segments, segment_->size());
    ScoredList got;
    MatchPlan(*segment_, plan, &idf, &got);
    if (!got.empty()) ++non_empty;
  }
  // The reference must have been compared on real matches, not only on empty answers.
  EXPECT_GT(non_empty, 150U);
}

TEST_F(PostingMatchTest, RareWordProbesACommonOne) {
  // One rare and one very common word: the common one is probed per candidate.
  QueryPlan plan;
  plan.groups.push_back({"logistiek", {{{Term("logistiek")}, 1.0F}}});
  plan.groups.push_back({"zorg", {{{Term("zorg")}, 1.0F}}});
  ExpectSame(plan);
}

TEST_F(PostingMatchTest, ManyCompletionsUnionDensely) {
  // Like a prefix with many completions: every word is a variant of one group.
  WordGroup g{"x", {}};
  for (const char* w : kWords) g.variants.push_back({{Term(w)}, 0.7F});
  QueryPlan plan;
  plan.groups.push_back(g);
  ExpectSame(plan);
  // And again, to show the reused scratch memory was left clean.
  ExpectSame(plan);
}

TEST_F(PostingMatchTest, AnUnknownWordMatchesNothing) {
  QueryPlan plan;
  plan.groups.push_back({"zorg", {{{Term("zorg")}, 1.0F}}});
  plan.groups.push_back({"qqq", {{{"qqqq"}, 1.0F}}});
  const std::vector<const Segment*> segments = {segment_.get()};
  IdfTable idf(segments, segment_->size());
  ScoredList got = {{1, 1.0F}};
  MatchPlan(*segment_, plan, &idf, &got);
  EXPECT_TRUE(got.empty());
}

}  // namespace
}  // namespace verder
