#include "bench/corpus.h"

#include "core/rng.h"
#include "text/analysis.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_set>

namespace verder::bench {
namespace {

bool IsAsciiLetters(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Lower-case words of `text` in order: runs of ASCII letters and non-ASCII bytes. Words with
// digits are dropped; with `keep_all` false, so are stop words and words under 3 bytes.
std::vector<std::string> WordsOf(std::string_view text, bool keep_all) {
  std::vector<std::string> out;
  std::string word;
  bool digit = false;
  const auto flush = [&] {
    if (!word.empty() && !digit && (keep_all || (word.size() >= 3 && !IsStopWord(word)))) {
      out.push_back(word);
    }
    word.clear();
    digit = false;
  };
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      word += ch;
    } else if (c >= '0' && c <= '9') {
      word += ch;
      digit = true;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// What a person would search a course by: its skills and occupations (the titles add only the
// generator's template words, such as "cursus" and "voor beginners").
std::vector<std::string> TopicWords(const BenchDoc& doc) {
  std::vector<std::string> out;
  for (const auto* labels : {&doc.skills, &doc.occupations}) {
    for (const std::string& label : *labels) {
      for (std::string& w : WordsOf(label, false)) {
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
      }
    }
  }
  return out;
}

// The corpus's topic words by document frequency, each with a few courses that hold it.
class Vocabulary {
 public:
  static constexpr size_t kSampleDocs = 8;

  explicit Vocabulary(const std::vector<BenchDoc>& docs) {
    struct Stats {
      int64_t df = 0;
      std::vector<uint32_t> sample;
    };
    std::unordered_map<std::string, Stats> stats;
    Rng rng(0x5EED);
    for (uint32_t d = 0; d < docs.size(); ++d) {
      for (std::string& w : TopicWords(docs[d])) {
        Stats& s = stats[std::move(w)];
        ++s.df;
        // Reservoir sampling: every course holding the word is equally likely to be kept.
        if (s.sample.size() < kSampleDocs) {
          s.sample.push_back(d);
        } else if (const size_t j = rng.Below(static_cast<size_t>(s.df)); j < kSampleDocs) {
          s.sample[j] = d;
        }
      }
    }
    std::vector<std::pair<std::string, Stats>> sorted(stats.begin(), stats.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second.df != b.second.df ? a.second.df > b.second.df : a.first < b.first;
    });
    for (auto& [word, s] : sorted) {
      rank_.emplace(word, words_.size());
      words_.push_back(word);
      samples_.push_back(std::move(s.sample));
    }
    cdf_ = ZipfCdf(std::max<size_t>(1, words_.size()), 1.0);
  }

  bool empty() const { return words_.empty(); }
  bool Contains(const std::string& w) const { return rank_.count(w) > 0; }
  const std::vector<std::string>& words() const { return words_; }

  // A word by a Zipf law over frequency rank that satisfies `ok`, and a course holding it.
  template <typename Pred>
  std::pair<std::string, uint32_t> Draw(Rng* rng, Pred ok) const {
    for (int tries = 0; tries < 10000; ++tries) {
      const size_t r = SampleCdf(cdf_, rng);
      if (!ok(words_[r])) continue;
      return {words_[r], samples_[r][rng->Below(samples_[r].size())]};
    }
    return {words_.front(), samples_.front().front()};
  }

 private:
  std::vector<std::string> words_;
  std::vector<std::vector<uint32_t>> samples_;
  std::unordered_map<std::string, size_t> rank_;
  std::vector<double> cdf_;
};

bool AnyWord(const std::string&) { return true; }

// `want` distinct topic words from one course, the first drawn by frequency; empty if none has
// enough.
std::vector<std::string> CoOccurring(const Vocabulary& vocab, const std::vector<BenchDoc>& docs,
                                     size_t want, Rng* rng) {
  for (int tries = 0; tries < 1000; ++tries) {
    const auto [first, doc] = vocab.Draw(rng, AnyWord);
    std::vector<std::string> others = TopicWords(docs[doc]);
    std::erase(others, first);
    if (others.size() + 1 < want) continue;
    std::vector<std::string> out{first};
    while (out.size() < want) {
      const size_t i = rng->Below(others.size());
      out.push_back(others[i]);
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
    }
    // People type the words in any order.
    for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[rng->Below(i)]);
    return out;
  }
  return {};
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// One edit of `word`, never at its first letter (people rarely mistype that one).
std::string OneEdit(const std::string& word, Rng* rng) {
  std::string w = word;
  const auto letter = [&] { return static_cast<char>('a' + rng->Below(26)); };
  const size_t n = w.size();
  switch (rng->Below(4)) {
    case 0:  // a letter missing
      w.erase(1 + rng->Below(n - 1), 1);
      break;
    case 1:  // a letter too many
      w.insert(w.begin() + static_cast<std::ptrdiff_t>(1 + rng->Below(n)), letter());
      break;
    case 2: {  // a wrong letter
      const size_t i = 1 + rng->Below(n - 1);
      char c = letter();
      while (c == w[i]) c = letter();
      w[i] = c;
      break;
    }
    default: {  // two neighbours swapped
      const size_t i = 1 + rng->Below(n - 2);
      std::swap(w[i], w[i + 1]);
      break;
    }
  }
  return w;
}

std::string TypoQuery(const Vocabulary& vocab, const std::vector<BenchDoc>& docs, Rng* rng) {
  const auto long_word = [](const std::string& w) { return w.size() >= 5 && IsAsciiLetters(w); };
  for (int tries = 0; tries < 1000; ++tries) {
    const auto [word, doc] = vocab.Draw(rng, long_word);
    std::string typo = OneEdit(word, rng);
    // Another real word is no typo; under 5 letters no engine is asked to correct it.
    if (typo.size() < 5 || vocab.Contains(typo)) continue;
    if (!rng->Chance(1.0 / 3)) return typo;
    std::vector<std::string> others = TopicWords(docs[doc]);
    std::erase(others, word);
    if (others.empty()) return typo;
    std::string other = others[rng->Below(others.size())];
    if (rng->Chance(0.5)) return other.append(" ").append(typo);
    return typo.append(" ").append(other);
  }
  return "";
}

// Corpus words of >= 10 letters made of two corpus words of >= 4 letters (with the linking s).
std::vector<std::string> CompoundWords(const Vocabulary& vocab) {
  std::vector<std::string> out;
  for (const std::string& w : vocab.words()) {
    if (w.size() < 10 || !IsAsciiLetters(w)) continue;
    for (size_t i = 4; i + 4 <= w.size(); ++i) {
      const std::string head = w.substr(0, i);
      if (!vocab.Contains(head)) continue;
      if (vocab.Contains(w.substr(i)) ||
          (w[i] == 's' && i + 5 <= w.size() && vocab.Contains(w.substr(i + 1)))) {
        out.push_back(w);
        break;
      }
    }
  }
  return out;  // in frequency order, as the vocabulary is
}

// Two neighbouring words of a label written as one ("voedsel veiligheid" → "voedselveiligheid").
std::string JoinedNeighbours(const Vocabulary& vocab, const std::vector<BenchDoc>& docs, Rng* rng) {
  const auto part = [](const std::string& w) {
    return w.size() >= 4 && IsAsciiLetters(w) && !IsStopWord(w);
  };
  for (int tries = 0; tries < 1000; ++tries) {
    const uint32_t doc = vocab.Draw(rng, AnyWord).second;
    std::vector<std::string> pairs;
    for (const auto* labels : {&docs[doc].skills, &docs[doc].occupations}) {
      for (const std::string& label : *labels) {
        const std::vector<std::string> words = WordsOf(label, true);
        for (size_t i = 0; i + 1 < words.size(); ++i) {
          if (part(words[i]) && part(words[i + 1])) pairs.push_back(words[i] + words[i + 1]);
        }
      }
    }
    if (!pairs.empty()) return pairs[rng->Below(pairs.size())];
  }
  return "";
}

std::string PrefixQuery(const Vocabulary& vocab, const std::vector<BenchDoc>& docs, Rng* rng) {
  const auto word_ok = [](const std::string& w) { return w.size() >= 5 && IsAsciiLetters(w); };
  const auto [word, doc] = vocab.Draw(rng, word_ok);
  const size_t len = std::min(word.size() - 1, 3 + rng->Below(4));
  std::string prefix = word.substr(0, len);
  if (rng->Chance(0.5)) return prefix;
  std::vector<std::string> others = TopicWords(docs[doc]);
  std::erase(others, word);
  if (others.empty()) return prefix;
  std::string out = others[rng->Below(others.size())];
  return out.append(" ").append(prefix);
}

// 0-3 filters on distinct fields, with values as they occur in the corpus.
void AddFilters(const std::vector<BenchDoc>& docs, Rng* rng, BenchQuery* q) {
  static constexpr std::array<int64_t, 5> kPriceCaps = {10000, 25000, 50000, 100000, 250000};
  std::array<int, 4> fields = {0, 1, 2, 3};
  for (size_t i = fields.size(); i > 1; --i) std::swap(fields[i - 1], fields[rng->Below(i)]);
  const size_t count = rng->Below(4);
  for (size_t k = 0; k < count; ++k) {
    const BenchDoc& doc = docs[rng->Below(docs.size())];
    switch (fields[k]) {
      case 0:
        for (int tries = 0; tries < 1000; ++tries) {
          const BenchDoc& d = docs[rng->Below(docs.size())];
          if (d.regions.empty()) continue;  // online courses are in no region
          q->region = d.regions[rng->Below(d.regions.size())];
          break;
        }
        break;
      case 1:
        q->price_max_cents = kPriceCaps[rng->Below(kPriceCaps.size())];
        break;
      case 2:
        q->level = doc.level;
        break;
      default:
        q->mode = doc.mode;
        break;
    }
  }
  q->facets = {"level", "mode", "region"};
}

}  // namespace

// Verder's own list, so that every engine leaves out the same words and no query word is one
// Verder would drop.
const std::vector<std::string>& StopWords() {
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> words;
    for (std::string_view w : verder::StopWords()) words.emplace_back(w);
    return words;
  }();
  return kWords;
}

bool IsStopWord(std::string_view lower_word) { return verder::IsStopWord(lower_word); }

std::unordered_map<std::string, ProviderEntry> ProviderDirectory(
    const std::vector<Provider>& providers) {
  std::unordered_map<std::string, ProviderEntry> out;
  for (size_t i = 0; i < providers.size(); ++i) {
    out[providers[i].key] = {static_cast<int64_t>(i) + 1, providers[i].name};
  }
  return out;
}

BenchDoc ToBenchDoc(const ImportedCourse& course, int64_t id, const ProviderEntry& provider,
                    const GeoIndex& geo) {
  const Course& c = course.course.course;
  BenchDoc d;
  d.id = id;
  d.provider_id = provider.id;
  d.provider_name = provider.name;
  d.code = c.primary_code.code;
  d.title = c.title.nl;
  d.title_en = c.title.en;
  d.description = c.goal.nl.empty() ? c.description.nl : c.description.nl + " " + c.goal.nl;
  d.description_en = c.goal.en.empty() ? c.description.en : c.description.en + " " + c.goal.en;
  d.skills = c.skills;
  d.occupations = c.occupations;
  d.price_cents = c.costs.stated ? c.costs.Total() : -1;
  d.level = LevelName(c.level);
  d.mode = DeliveryModeName(c.mode);
  d.language = c.language;
  d.is_demo = c.is_demo;
  for (const Offering& o : course.course.offerings) {
    if (o.status != OfferingStatus::kOpen) continue;  // closed runs are not searched
    BenchOffering b;
    if (o.start) b.start_days = o.start->days_since_epoch();
    b.postcode = o.location.postcode;
    b.municipality_code = o.location.municipality_code;
    b.place = o.location.place;
    if (const Municipality* m = geo.FindMunicipality(b.municipality_code); m != nullptr) {
      if (m->region_id > 0) d.regions.push_back(m->region_id);
    }
    if (!b.place.empty() && std::find(d.places.begin(), d.places.end(), b.place) == d.places.end())
      d.places.push_back(b.place);
    d.offerings.push_back(std::move(b));
  }
  std::sort(d.regions.begin(), d.regions.end());
  d.regions.erase(std::unique(d.regions.begin(), d.regions.end()), d.regions.end());
  return d;
}

std::vector<BenchDoc> DemoDocs(const DemoCatalog& demo, int64_t courses, const GeoIndex& geo) {
  const std::unordered_map<std::string, ProviderEntry> providers =
      ProviderDirectory(demo.Providers());
  std::vector<BenchDoc> docs;
  docs.reserve(static_cast<size_t>(courses));
  for (int64_t i = 0; i < courses; ++i) {
    const ImportedCourse c = demo.CourseAt(i);
    const auto it = providers.find(c.provider_key);
    docs.push_back(ToBenchDoc(c, i + 1, it != providers.end() ? it->second : ProviderEntry{}, geo));
  }
  return docs;
}

std::vector<BenchQuery> MakeQueryMix(const std::vector<BenchDoc>& docs,
                                     const QueryMixOptions& options) {
  std::vector<BenchQuery> mix;
  const Vocabulary vocab(docs);
  if (vocab.empty()) return mix;
  const std::vector<std::string> compounds = CompoundWords(vocab);
  const std::vector<double> compound_cdf = ZipfCdf(std::max<size_t>(1, compounds.size()), 1.0);
  for (size_t k = 0; k < kQueryClasses.size(); ++k) {
    Rng rng(options.seed * 1000003 + k);
    for (int i = 0; i < options.per_class; ++i) {
      BenchQuery q;
      q.klass = std::string(kQueryClasses[k]);
      switch (k) {
        case 0:
          q.text = vocab.Draw(&rng, AnyWord).first;
          break;
        case 1:
        case 2:
          q.text = Join(CoOccurring(vocab, docs, k == 1 ? 2 : 3, &rng));
          break;
        case 3:
          q.text = TypoQuery(vocab, docs, &rng);
          break;
        case 4:
          q.text = !compounds.empty() && rng.Chance(0.5) ? compounds[SampleCdf(compound_cdf, &rng)]
                                                         : JoinedNeighbours(vocab, docs, &rng);
          break;
        default:
          q.text = PrefixQuery(vocab, docs, &rng);
          q.prefix_last = true;
          break;
      }
      AddFilters(docs, &rng, &q);
      mix.push_back(std::move(q));
    }
  }
  Rng rng(options.seed);
  for (size_t i = mix.size(); i > 1; --i) std::swap(mix[i - 1], mix[rng.Below(i)]);
  return mix;
}

}  // namespace verder::bench
