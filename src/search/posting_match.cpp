#include "search/posting_match.h"

#include <algorithm>
#include <cmath>

#include "search/ranking.h"

namespace verder {

IdfTable::IdfTable(const std::vector<const Segment*>& segments, double total_docs)
    : segments_(segments), total_(std::max(1.0, total_docs)) {}

float IdfTable::Idf(const std::string& term) {
  const auto it = cache_.find(term);
  if (it != cache_.end()) return it->second;
  double df = 0;
  for (const Segment* s : segments_) df += s->DocFrequency(term);
  const auto idf = static_cast<float>(std::log(1.0 + (total_ - df + 0.5) / (df + 0.5)));
  cache_.emplace(term, idf);
  return idf;
}

namespace {

// A position in one term's posting list, with the factor that turns an impact into a score.
struct TermCursor {
  const uint32_t* docs = nullptr;
  const uint8_t* impacts = nullptr;
  uint32_t size = 0;
  uint32_t pos = 0;
  float factor = 0;

  // Moves to the first posting at or after `target`; true when that is `target`. Galloping:
  // probing a long list for a few candidates costs a logarithm per candidate, not a scan.
  bool SeekTo(uint32_t target) {
    if (pos >= size) return false;
    if (docs[pos] < target) {
      uint32_t low = pos;  // docs[low] < target
      uint32_t step = 1;
      uint32_t high = pos + 1;
      while (high < size && docs[high] < target) {
        low = high;
        step *= 2;
        high = low + step;
      }
      high = std::min(high, size);
      pos = static_cast<uint32_t>(std::lower_bound(docs + low + 1, docs + high, target) - docs);
    }
    return pos < size && docs[pos] == target;
  }
  float ScoreHere() const { return factor * static_cast<float>(impacts[pos]); }
  bool AtEnd() const { return pos >= size; }
};

// One variant: all its terms must occur; the rarest comes first and drives.
struct VariantCursors {
  std::vector<TermCursor> terms;
};

struct GroupCursors {
  std::vector<VariantCursors> variants;
  uint64_t estimate = 0;  // at most this many documents match (sum of the variants' rarest terms)
  size_t term_count = 0;
};

TermCursor OpenTerm(const Segment& s, const std::string& term, float weight, IdfTable* idf) {
  const PostingList p = s.Postings(term);
  TermCursor c;
  c.docs = p.docs;
  c.impacts = p.impacts;
  c.size = p.size;
  if (p.size > 0) c.factor = weight * idf->Idf(term) / 255.0F;
  return c;
}

GroupCursors OpenGroup(const Segment& s, const WordGroup& group, IdfTable* idf) {
  GroupCursors g;
  for (const TermVariant& v : group.variants) {
    VariantCursors vc;
    bool possible = !v.terms.empty();
    for (const std::string& term : v.terms) {
      vc.terms.push_back(OpenTerm(s, term, v.weight, idf));
      if (vc.terms.back().size == 0) possible = false;
    }
    if (!possible) continue;  // a term this segment does not have: the variant cannot match
    std::sort(vc.terms.begin(), vc.terms.end(),
              [](const TermCursor& a, const TermCursor& b) { return a.size < b.size; });
    g.estimate += vc.terms[0].size;
    g.term_count += vc.terms.size();
    g.variants.push_back(std::move(vc));
  }
  return g;
}

// Calls `emit(doc, score)` for every document of the variant, in document order.
template <typename Emit>
void ForEachVariantDoc(VariantCursors* v, Emit emit) {
  const TermCursor& driver = v->terms[0];
  for (uint32_t k = 0; k < driver.size; ++k) {
    const uint32_t doc = driver.docs[k];
    float score = driver.factor * static_cast<float>(driver.impacts[k]);
    bool all = true;
    for (size_t t = 1; t < v->terms.size(); ++t) {
      TermCursor& other = v->terms[t];
      if (!other.SeekTo(doc)) {
        if (other.AtEnd()) return;  // no later document can have this term either
        all = false;
        break;
      }
      score += other.ScoreHere();
    }
    if (all) emit(doc, score);
  }
}

ScoredList UnionMax(const ScoredList& a, const ScoredList& b) {
  ScoredList out;
  out.reserve(a.size() + b.size());
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].doc < b[j].doc) {
      out.push_back(a[i++]);
    } else if (b[j].doc < a[i].doc) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].doc, std::max(a[i].score, b[j].score)});
      ++i;
      ++j;
    }
  }
  out.insert(out.end(), a.begin() + static_cast<std::ptrdiff_t>(i), a.end());
  out.insert(out.end(), b.begin() + static_cast<std::ptrdiff_t>(j), b.end());
  return out;
}

// Reused per thread: a score per document and a bit per touched document, for unions of many
// lists. The bitmap is cleared as it is read, so the next query finds it empty.
struct DenseScratch {
  std::vector<float> score;
  std::vector<uint64_t> seen;
};

void DenseUnion(GroupCursors* g, uint32_t segment_size, ScoredList* out) {
  thread_local DenseScratch scratch;
  if (scratch.score.size() < segment_size) scratch.score.resize(segment_size);
  const size_t words = (segment_size + 63) / 64;
  if (scratch.seen.size() < words) scratch.seen.resize(words, 0);
  float* score = scratch.score.data();
  uint64_t* seen = scratch.seen.data();
  for (VariantCursors& v : g->variants) {
    ForEachVariantDoc(&v, [&](uint32_t doc, float s) {
      const uint64_t bit = uint64_t{1} << (doc % 64);
      if ((seen[doc / 64] & bit) == 0) {
        seen[doc / 64] |= bit;
        score[doc] = s;
      } else {
        score[doc] = std::max(score[doc], s);
      }
    });
  }
  out->clear();
  for (size_t w = 0; w < words; ++w) {
    for (uint64_t m = seen[w]; m != 0; m &= m - 1) {
      const auto doc = static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(m)));
      out->push_back({doc, score[doc]});
    }
    seen[w] = 0;
  }
}

// Every document of the group, with its best variant's score, into `out` (whose memory is
// reused: a fresh list of this size would cost page faults on every query).
void ListGroup(GroupCursors* g, uint32_t segment_size, ScoredList* out) {
  out->clear();
  if (g->variants.size() == 1) {
    ForEachVariantDoc(&g->variants[0], [&](uint32_t doc, float s) { out->push_back({doc, s}); });
    return;
  }
  if (g->variants.size() > 2 && g->estimate >= segment_size / 16) {
    DenseUnion(g, segment_size, out);
    return;
  }
  std::vector<ScoredList> lists;
  for (VariantCursors& v : g->variants) {
    ScoredList list;
    list.reserve(v.terms[0].size);
    ForEachVariantDoc(&v, [&](uint32_t doc, float s) { list.push_back({doc, s}); });
    lists.push_back(std::move(list));
  }
  // Pairwise, like merge sort: each document is copied log(variants) times, not once per variant.
  while (lists.size() > 1) {
    std::vector<ScoredList> next;
    for (size_t i = 0; i + 1 < lists.size(); i += 2)
      next.push_back(UnionMax(lists[i], lists[i + 1]));
    if (lists.size() % 2 == 1) next.push_back(std::move(lists.back()));
    lists = std::move(next);
  }
  if (!lists.empty()) out->assign(lists[0].begin(), lists[0].end());
}

// Keeps the candidates the group matches, adding its best variant's score.
void ProbeGroup(GroupCursors* g, ScoredList* candidates) {
  size_t kept = 0;
  for (const Scored c : *candidates) {
    float best = 0;
    bool found = false;
    for (VariantCursors& v : g->variants) {
      float score = 0;
      bool all = true;
      for (TermCursor& t : v.terms) {
        if (!t.SeekTo(c.doc)) {
          all = false;
          break;
        }
        score += t.ScoreHere();
      }
      if (all && (!found || score > best)) {
        best = score;
        found = true;
      }
    }
    if (found) (*candidates)[kept++] = {c.doc, c.score + best};
  }
  candidates->resize(kept);
}

// Keeps the candidates that are in `list`, adding their scores; gallops through the longer one.
void IntersectInto(const ScoredList& list, ScoredList* candidates) {
  size_t kept = 0;
  size_t j = 0;
  for (const Scored c : *candidates) {
    if (j < list.size() && list[j].doc < c.doc) {
      size_t step = 1;
      size_t low = j;
      size_t high = j + 1;
      while (high < list.size() && list[high].doc < c.doc) {
        low = high;
        step *= 2;
        high = low + step;
      }
      high = std::min(high, list.size());
      j = static_cast<size_t>(
          std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(low) + 1,
                           list.begin() + static_cast<std::ptrdiff_t>(high), c.doc,
                           [](const Scored& x, uint32_t d) { return x.doc < d; }) -
          list.begin());
    }
    if (j == list.size()) break;
    if (list[j].doc == c.doc) (*candidates)[kept++] = {c.doc, c.score + list[j].score};
  }
  candidates->resize(kept);
}

void AddBigramBoost(const Segment& s, const std::string& bigram, IdfTable* idf,
                    ScoredList* candidates) {
  TermCursor c = OpenTerm(s, bigram, ranking::kTitleBigramBoost, idf);
  if (c.size == 0) return;
  for (Scored& x : *candidates) {
    if (c.SeekTo(x.doc)) x.score += c.ScoreHere();
    if (c.AtEnd()) break;
  }
}

}  // namespace

void MatchPlan(const Segment& s, const QueryPlan& plan, IdfTable* idf, ScoredList* out) {
  out->clear();
  std::vector<GroupCursors> groups;
  groups.reserve(plan.groups.size());
  for (const WordGroup& g : plan.groups) {
    groups.push_back(OpenGroup(s, g, idf));
    if (groups.back().estimate == 0) return;  // a word this segment cannot match
  }
  std::sort(groups.begin(), groups.end(),
            [](const GroupCursors& a, const GroupCursors& b) { return a.estimate < b.estimate; });
  ListGroup(&groups[0], s.size(), out);
  thread_local ScoredList listed;
  for (size_t i = 1; i < groups.size() && !out->empty(); ++i) {
    GroupCursors& g = groups[i];
    // Probing costs a few steps per candidate and term; listing costs every posting of the group.
    if (out->size() * g.term_count * 4 < g.estimate) {
      ProbeGroup(&g, out);
    } else {
      ListGroup(&g, s.size(), &listed);
      IntersectInto(listed, out);
    }
  }
  for (const std::string& bigram : plan.bigrams) AddBigramBoost(s, bigram, idf, out);
}

}  // namespace verder
