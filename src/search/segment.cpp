#include "search/segment.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>

#include "core/parallel.h"
#include "search/edit_distance.h"
#include "search/ranking.h"
#include "search/search_filters.h"

namespace verder {
namespace {

uint64_t HashView(std::string_view s) { return std::hash<std::string_view>{}(s); }

// Calls `emit` for every string made of `word` with up to `max` single bytes deleted. A template
// with two reused buffers: typo lookup runs this for every rare query word, and building the
// index for every term, so it must not allocate per variant.
template <typename Emit>
void ForEachDeletion(std::string_view word, int max, Emit emit) {
  emit(word);
  if (max <= 0 || word.size() <= 1) return;
  std::string once;
  std::string twice;
  for (size_t i = 0; i < word.size(); ++i) {
    once.assign(word.substr(0, i));
    once.append(word.substr(i + 1));
    emit(std::string_view(once));
    if (max >= 2) {
      for (size_t j = i; j < once.size(); ++j) {
        twice.assign(once, 0, j);
        twice.append(once, j + 1);
        emit(std::string_view(twice));
      }
    }
  }
}

int TermDeletions(size_t length) {
  if (length >= static_cast<size_t>(ranking::kTwoEditsMinLength) - 2) return 2;
  if (length >= static_cast<size_t>(ranking::kOneEditMinLength) - 1) return 1;
  return 0;
}

}  // namespace

uint8_t Segment::LanguageIndex(std::string_view code) {
  for (size_t i = 0; i + 1 < std::size(kLanguageCodes); ++i) {
    if (code == kLanguageCodes[i]) return static_cast<uint8_t>(i);
  }
  return static_cast<uint8_t>(std::size(kLanguageCodes) - 1);
}

std::shared_ptr<const std::vector<int32_t>> Segment::NextStarts(int32_t today) const {
  const std::lock_guard lock(next_starts_mu_);
  if (next_starts_ == nullptr || next_starts_day_ != today) {
    auto starts = std::make_shared<std::vector<int32_t>>(size(), kNoStart);
    for (uint32_t doc = 0; doc < size(); ++doc) {
      for (uint32_t o = offering_begin[doc]; o < offering_begin[doc + 1]; ++o) {
        const int32_t start = offering_start[o];
        if (start != kStartAnyTime && start >= today)
          (*starts)[doc] = std::min((*starts)[doc], start);
      }
    }
    next_starts_ = std::move(starts);
    next_starts_day_ = today;
  }
  return next_starts_;
}

PostingList Segment::Postings(std::string_view term) const {
  const auto it = term_index_.find(term);
  if (it == term_index_.end()) return {};
  const uint64_t begin = posting_begin_[it->second];
  const uint64_t end = posting_begin_[it->second + 1];
  return {posting_docs_.data() + begin, posting_impacts_.data() + begin,
          static_cast<uint32_t>(end - begin)};
}

void Segment::CollectPrefix(std::string_view prefix, size_t scan_limit,
                            std::vector<std::pair<std::string_view, uint32_t>>* out) const {
  auto it = std::lower_bound(terms_.begin(), terms_.end(), prefix,
                             [](const std::string& t, std::string_view p) { return t < p; });
  for (size_t n = 0; it != terms_.end() && n < scan_limit; ++it, ++n) {
    if (it->compare(0, prefix.size(), prefix) != 0) break;
    const auto id = static_cast<uint32_t>(it - terms_.begin());
    out->emplace_back(*it, static_cast<uint32_t>(posting_begin_[id + 1] - posting_begin_[id]));
  }
}

void Segment::CollectTypos(std::string_view word, int max_edits,
                           std::vector<std::pair<std::string, int>>* out) const {
  std::vector<uint32_t> candidates;
  if (deletions_.empty()) return;
  // A long word has dozens of variants, each looked up in a bucket that is almost never cached:
  // all buckets are asked for first, then all their entries, so the misses overlap.
  thread_local std::vector<uint64_t> hashes;
  hashes.clear();
  ForEachDeletion(word, max_edits, [&](std::string_view variant) {
    hashes.push_back(HashView(variant));
    __builtin_prefetch(&deletion_buckets_[hashes.back() >> (64 - deletion_bits_)]);
  });
  for (const uint64_t h : hashes)
    __builtin_prefetch(deletions_.data() + deletion_buckets_[h >> (64 - deletion_bits_)]);
  for (const uint64_t h : hashes) {
    const uint64_t bucket = h >> (64 - deletion_bits_);
    for (uint32_t k = deletion_buckets_[bucket]; k < deletion_buckets_[bucket + 1]; ++k) {
      if (deletions_[k].first == h) candidates.push_back(deletions_[k].second);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t id : candidates) {
    const int d = BoundedEditDistance(word, terms_[id], max_edits);
    if (d <= max_edits) out->emplace_back(terms_[id], d);
  }
}

void Segment::IndexTermLookup() {
  term_index_.clear();
  term_index_.reserve(terms_.size());
  for (uint32_t id = 0; id < terms_.size(); ++id) term_index_.emplace(terms_[id], id);
}

void Segment::IndexTerms() {
  IndexTermLookup();
  deletions_.clear();
  for (uint32_t id = 0; id < terms_.size(); ++id) {
    const std::string& t = terms_[id];
    if (!t.empty() && t[0] == '\x01') continue;  // title bigrams are not typed as words
    ForEachDeletion(t, TermDeletions(t.size()),
                    [&](std::string_view v) { deletions_.emplace_back(HashView(v), id); });
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.erase(std::unique(deletions_.begin(), deletions_.end()), deletions_.end());
  IndexDeletionBuckets();
}

void Segment::IndexDeletionBuckets() {
  // About four entries per bucket (one cache line), and at least one bit so the shift is defined.
  deletion_bits_ = std::max(1, static_cast<int>(std::bit_width(deletions_.size() / 4)));
  deletion_buckets_.assign((size_t{1} << deletion_bits_) + 1, 0);
  size_t k = 0;
  for (size_t bucket = 0; bucket + 1 < deletion_buckets_.size(); ++bucket) {
    deletion_buckets_[bucket] = static_cast<uint32_t>(k);
    while (k < deletions_.size() && (deletions_[k].first >> (64 - deletion_bits_)) == bucket) ++k;
  }
  deletion_buckets_.back() = static_cast<uint32_t>(k);
}

void Segment::IndexFacetKeys() {
  struct KeyHash {
    size_t operator()(const FacetKey& k) const {
      const uint64_t small = uint64_t{k.level} | uint64_t{k.mode} << 8 |
                             uint64_t{k.language} << 16 | uint64_t{k.funding} << 24 |
                             uint64_t{k.price_bucket} << 32 | uint64_t{k.is_demo} << 40;
      return std::hash<uint64_t>{}(k.region_mask * 0x9E3779B97F4A7C15ULL ^ small);
    }
  };
  std::unordered_map<FacetKey, uint32_t, KeyHash> ids;
  std::vector<FacetKey> keys;
  std::vector<uint32_t> uses;
  facet_key.clear();
  facet_key.reserve(rows.size());
  facet_price.clear();
  facet_price.reserve(rows.size());
  for (const DocRow& row : rows) {
    const FacetKey key{row.region_mask, row.level,        row.mode,   row.language,
                       row.funding,     row.price_bucket, row.is_demo};
    const auto [it, added] = ids.emplace(key, static_cast<uint32_t>(keys.size()));
    if (added) {
      keys.push_back(key);
      uses.push_back(0);
    }
    ++uses[it->second];
    facet_key.push_back(it->second);
    facet_price.push_back(row.price_cents);
  }
  // Renumbered by use, most used first: a query's counters for the common keys share cache lines.
  std::vector<uint32_t> order(keys.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return uses[a] > uses[b]; });
  std::vector<uint32_t> renumbered(keys.size());
  facet_keys.clear();
  facet_keys.reserve(keys.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    renumbered[order[i]] = i;
    facet_keys.push_back(keys[order[i]]);
  }
  for (uint32_t& k : facet_key) k = renumbered[k];
}

// Turns courses into a Segment: columns, then terms per document, then postings with impacts.
class SegmentBuilder {
  // The four BM25F fields. Provider and place share one: both say who or where, not what.
  enum Field : uint8_t { kTitle, kSkills, kDescription, kWhoWhere, kFieldCount };
  static constexpr float kFieldWeight[kFieldCount] = {
      ranking::kTitleWeight, ranking::kSkillsOccupationsWeight, ranking::kDescriptionWeight,
      ranking::kProviderWeight};

  // One term of one document: its term id and how often it occurs per field (saturating).
  struct DocTerm {
    uint32_t term;
    uint8_t tf[kFieldCount];
  };

 public:
  SegmentBuilder(const TextAnalysis& analysis, const GeoIndex& geo)
      : analysis_(analysis), geo_(geo), segment_(std::make_shared<Segment>()) {}

  void Add(const IndexedCourse& in) {
    Segment& s = *segment_;
    const Course& c = in.course;
    Segment::DocRow row;
    row.course_id = c.id;
    row.price_cents =
        c.costs.stated ? static_cast<int32_t>(std::min<Cents>(c.costs.Total(), INT32_MAX)) : -1;
    row.price_bucket = static_cast<uint8_t>(PriceBucket(row.price_cents));
    row.level = static_cast<uint8_t>(c.level);
    row.mode = static_cast<uint8_t>(c.mode);
    row.language = Segment::LanguageIndex(c.language);
    row.funding = static_cast<uint8_t>(c.funding_flags);
    row.is_demo = c.is_demo ? 1 : 0;
    row.duration_weeks = static_cast<uint16_t>(std::clamp(c.duration_weeks, 0, 65535));
    row.study_load_hours = static_cast<uint16_t>(std::clamp(c.study_load_hours, 0, 65535));
    s.provider_id.push_back(c.provider_id);
    s.title_id.push_back(Intern(c.title.nl));
    s.provider_name_id.push_back(Intern(in.provider_name));
    const auto clamp_cents = [](Cents v) {
      return static_cast<int32_t>(std::clamp<Cents>(v, 0, INT32_MAX));
    };
    s.cost.push_back({.registration = clamp_cents(c.costs.registration_cents),
                      .tuition = clamp_cents(c.costs.tuition_cents),
                      .materials = clamp_cents(c.costs.materials_cents),
                      .other = clamp_cents(c.costs.other_cents),
                      .vat_included = c.costs.vat_included,
                      .vat_exempt = c.costs.vat_exempt,
                      .nlqf = static_cast<uint8_t>(std::clamp(c.nlqf, 0, 8)),
                      .sector_id = Intern(c.sector),
                      .code_type_id = Intern(c.primary_code.type)});
    s.offering_begin.push_back(static_cast<uint32_t>(s.offering_start.size()));
    uint64_t regions = 0;
    terms_.clear();
    for (const Offering& o : in.offerings) {
      if (o.status != OfferingStatus::kOpen) continue;
      s.offering_start.push_back(o.start ? o.start->days_since_epoch() : kStartAnyTime);
      s.offering_price.push_back(
          o.price_cents ? static_cast<int32_t>(std::min<Cents>(*o.price_cents, INT32_MAX)) : -1);
      float lat = std::nanf("");
      float lon = std::nanf("");
      if (const Postcode4* pc = o.location.postcode.size() >= 4
                                    ? geo_.FindPostcode(o.location.postcode.substr(0, 4))
                                    : nullptr) {
        lat = static_cast<float>(pc->lat);
        lon = static_cast<float>(pc->lon);
      }
      s.offering_lat.push_back(lat);
      s.offering_lon.push_back(lon);
      s.offering_place_id.push_back(Intern(o.location.place));
      if (const Municipality* m = geo_.FindMunicipality(o.location.municipality_code);
          m != nullptr && m->region_id >= 1 && m->region_id <= 64) {
        regions |= uint64_t{1} << (m->region_id - 1);
      }
      AddText(o.location.place, kWhoWhere, Language::kDutch, false);
    }
    row.region_mask = regions;
    s.rows.push_back(row);
    AddText(c.title.nl, kTitle, Language::kDutch, true);
    AddText(c.title.en, kTitle, Language::kEnglish, false);
    for (const std::string& x : c.skills) AddText(x, kSkills, Language::kDutch, false);
    for (const std::string& x : c.occupations) AddText(x, kSkills, Language::kDutch, false);
    AddText(c.description.nl, kDescription, Language::kDutch, false);
    AddText(c.goal.nl, kDescription, Language::kDutch, false);
    AddText(c.description.en, kDescription, Language::kEnglish, false);
    AddText(in.provider_name, kWhoWhere, Language::kDutch, false);
    FlushDocument();
  }

  static constexpr int kFields = kFieldCount;

  // Adds this builder's field lengths and documents to `length` (kFields of them) and `docs`:
  // BM25's average field length over several builders of one batch.
  void AddTotals(uint64_t* length, uint64_t* docs) const {
    for (int f = 0; f < kFieldCount; ++f) length[f] += total_length_[f];
    *docs += segment_->size();
  }

  std::shared_ptr<const Segment> Finish() { return Finish(total_length_, segment_->size()); }

  // Scores with the average field lengths of `length` over `docs` documents (those of a whole
  // batch built in slices, so that each slice scores as one build of the batch would).
  std::shared_ptr<const Segment> Finish(const uint64_t* length, uint64_t docs) {
    Segment& s = *segment_;
    s.offering_begin.push_back(static_cast<uint32_t>(s.offering_start.size()));
    doc_term_begin_.push_back(doc_terms_.size());
    const uint32_t n = s.size();
    float avg[kFieldCount];
    for (int f = 0; f < kFieldCount; ++f) {
      avg[f] = docs == 0 ? 1.0F
                         : std::max(1.0F, static_cast<float>(length[f]) / static_cast<float>(docs));
    }
    // Terms sorted by text; old id → sorted id.
    std::vector<uint32_t> order(term_text_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return term_text_[a] < term_text_[b]; });
    std::vector<uint32_t> sorted_id(order.size());
    for (uint32_t i = 0; i < order.size(); ++i) sorted_id[order[i]] = i;
    std::vector<uint64_t> df(order.size() + 1, 0);
    for (const DocTerm& t : doc_terms_) ++df[sorted_id[t.term] + 1];
    for (size_t i = 1; i < df.size(); ++i) df[i] += df[i - 1];
    s.posting_begin_ = df;
    s.posting_docs_.resize(doc_terms_.size());
    s.posting_impacts_.resize(doc_terms_.size());
    std::vector<uint64_t> fill(df.begin(), df.end() - 1);
    for (uint32_t doc = 0; doc < n; ++doc) {
      for (uint64_t k = doc_term_begin_[doc]; k < doc_term_begin_[doc + 1]; ++k) {
        const DocTerm& t = doc_terms_[k];
        float weighted = 0;
        for (int f = 0; f < kFieldCount; ++f) {
          if (t.tf[f] == 0) continue;
          const float norm =
              1.0F - ranking::kB +
              ranking::kB * static_cast<float>(doc_length_[doc * kFieldCount + f]) / avg[f];
          weighted +=
              kFieldWeight[f] * static_cast<float>(t.tf[f]) / (2.0F * norm);  // tf stored ×2
        }
        const float saturated = weighted / (ranking::kK1 + weighted);
        const uint64_t at = fill[sorted_id[t.term]]++;
        s.posting_docs_[at] = doc;
        s.posting_impacts_[at] =
            static_cast<uint8_t>(std::clamp(std::lround(saturated * 255.0F), 1L, 255L));
      }
    }
    s.terms_.resize(order.size());
    for (uint32_t i = 0; i < order.size(); ++i) s.terms_[i] = std::move(term_text_[order[i]]);
    s.IndexTerms();
    s.IndexFacetKeys();
    return segment_;
  }

 private:
  uint32_t Intern(const std::string& text) {
    const auto it = string_ids_.find(text);
    if (it != string_ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(segment_->strings.size());
    segment_->strings.push_back(text);
    string_ids_.emplace(text, id);
    return id;
  }

  uint32_t TermId(const std::string& term) {
    auto [it, inserted] = term_ids_.emplace(term, static_cast<uint32_t>(term_text_.size()));
    if (inserted) term_text_.push_back(term);
    return it->second;
  }

  // Adds a term occurrence; tf is counted in halves so compound parts can count half.
  void AddTerm(uint32_t term, Field field, uint8_t halves) {
    terms_.push_back({term, field, halves});
  }

  // What one folded token adds, learned on its first occurrence in this builder.
  struct TokenTerms {
    bool stop = false;
    uint32_t stem = 0;         // term id
    uint32_t parts_begin = 0;  // its compound parts' term ids: part_terms_[begin, end)
    uint32_t parts_end = 0;
  };
  const TokenTerms& TermsOf(const std::string& token, Language language) {
    auto& known = token_terms_[language == Language::kDutch ? 0 : 1];
    const auto it = known.find(token);
    if (it != known.end()) return it->second;
    TokenTerms t;
    t.stop = IsStopWord(token);
    if (!t.stop) {
      const AnalysedWord word = analysis_.Analyse(token, language);
      t.stem = TermId(word.stem);
      t.parts_begin = static_cast<uint32_t>(part_terms_.size());
      for (const std::string& part : word.part_stems) part_terms_.push_back(TermId(part));
      t.parts_end = static_cast<uint32_t>(part_terms_.size());
    }
    return known.emplace(token, t).first->second;
  }

  // The title bigram "previous stem, stem" as a term of its own (marked by a leading \x01).
  uint32_t BigramTerm(uint32_t previous, uint32_t stem) {
    const uint64_t key = (uint64_t{previous} << 32) | stem;
    const auto it = bigram_terms_.find(key);
    if (it != bigram_terms_.end()) return it->second;
    const uint32_t id = TermId("\x01" + term_text_[previous] + " " + term_text_[stem]);
    bigram_terms_.emplace(key, id);
    return id;
  }

  void AddText(const std::string& text, Field field, Language language, bool bigrams) {
    if (text.empty()) return;
    constexpr uint32_t kNoPrevious = std::numeric_limits<uint32_t>::max();
    uint32_t previous = kNoPrevious;
    for (const std::string& token : Tokenize(text)) {
      ++length_[field];
      const TokenTerms& word = TermsOf(token, language);
      if (word.stop) {
        previous = kNoPrevious;
        continue;
      }
      AddTerm(word.stem, field, 2);
      for (uint32_t k = word.parts_begin; k < word.parts_end; ++k)
        AddTerm(part_terms_[k], field, 1);
      if (bigrams && previous != kNoPrevious) AddTerm(BigramTerm(previous, word.stem), field, 2);
      previous = word.stem;
    }
  }

  void FlushDocument() {
    std::sort(terms_.begin(), terms_.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.term < b.term; });
    doc_term_begin_.push_back(doc_terms_.size());
    for (size_t i = 0; i < terms_.size();) {
      DocTerm t{terms_[i].term, {0, 0, 0, 0}};
      for (; i < terms_.size() && terms_[i].term == t.term; ++i) {
        uint8_t& tf = t.tf[terms_[i].field];
        tf = static_cast<uint8_t>(std::min(255, tf + terms_[i].halves));
      }
      doc_terms_.push_back(t);
    }
    for (int f = 0; f < kFieldCount; ++f) {
      doc_length_.push_back(static_cast<uint16_t>(std::min<uint32_t>(length_[f], 65535)));
      total_length_[f] += length_[f];
      length_[f] = 0;
    }
  }

  struct Occurrence {
    uint32_t term;
    Field field;
    uint8_t halves;
  };

  const TextAnalysis& analysis_;
  const GeoIndex& geo_;
  std::shared_ptr<Segment> segment_;
  std::unordered_map<std::string, uint32_t> string_ids_;
  std::unordered_map<std::string, uint32_t> term_ids_;
  // Per language, every token seen so far with its terms: analysing a word (through the shared
  // cache and its lock) and looking its terms up cost more than the rest of indexing did.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_map<std::string, TokenTerms, ViewHash, std::equal_to<>> token_terms_[2];
  std::vector<uint32_t> part_terms_;
  std::unordered_map<uint64_t, uint32_t> bigram_terms_;  // (previous stem, stem) → term
  std::vector<std::string> term_text_;
  std::vector<Occurrence> terms_;  // of the current document
  uint32_t length_[kFieldCount] = {0, 0, 0, 0};
  uint64_t total_length_[kFieldCount] = {0, 0, 0, 0};
  std::vector<DocTerm> doc_terms_;
  std::vector<uint64_t> doc_term_begin_;
  std::vector<uint16_t> doc_length_;
};

std::shared_ptr<const Segment> Segment::Build(std::span<const IndexedCourse> courses,
                                              const TextAnalysis& analysis, const GeoIndex& geo) {
  SegmentBuilder builder(analysis, geo);
  for (const IndexedCourse& c : courses) {
    if (c.course.status == CourseStatus::kActive) builder.Add(c);
  }
  return builder.Finish();
}

std::vector<std::shared_ptr<const Segment>> Segment::BuildInSlices(
    std::span<const IndexedCourse> courses, const TextAnalysis& analysis, const GeoIndex& geo,
    size_t min_slice) {
  std::vector<std::unique_ptr<SegmentBuilder>> builders(SliceCount(courses.size(), min_slice));
  ForEachSlice(courses.size(), min_slice, [&](size_t slice, size_t begin, size_t end) {
    builders[slice] = std::make_unique<SegmentBuilder>(analysis, geo);
    for (size_t i = begin; i < end; ++i) {
      if (courses[i].course.status == CourseStatus::kActive) builders[slice]->Add(courses[i]);
    }
  });
  // One average field length for every slice: the segments score exactly as one segment of the
  // whole batch would, so the ranking does not depend on the number of cores.
  uint64_t length[SegmentBuilder::kFields] = {};
  uint64_t docs = 0;
  for (const auto& b : builders) b->AddTotals(length, &docs);
  std::vector<std::shared_ptr<const Segment>> built(builders.size());
  ForEachSlice(builders.size(), 1, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) built[i] = builders[i]->Finish(length, docs);
  });
  return built;
}

}  // namespace verder
