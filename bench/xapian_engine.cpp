// bench/xapian_engine.cpp — Xapian 1.4 as a peer, configured as a team using it would.
//
// - Text: TermGenerator with the Dutch Snowball stemmer (STEM_SOME: stemmed and exact terms),
//   field weights as wdf increments (title 3, skills and occupations 2, the rest 1, as Verder's
//   BM25F weights), English fields through an English stemmer. No positions: the mix has no
//   phrase queries, and leaving them out makes Xapian's index smaller and its build faster.
// - Queries: QueryParser, default operator AND, Dutch stemmer and stop words. FLAG_PARTIAL
//   when the last word is being typed, capped like Verder at the 40 most frequent completions.
//   No typo tolerance: Xapian has none besides spelling suggestions, and we add none.
// - Filters: boolean terms (XLEVELmbo-2, XMODEonline, XREGION12) for discrete values, a value
//   range (OP_VALUE_LE) on the price.
// - Facets: ValueCountMatchSpy with check_at_least = all documents, so counts are exact. A
//   region facet is counted on a value listing the course's regions ("3,17") and then split.
//   Disjunctive facets need one more match for each filtered facet field, without that filter
//   (with BoolWeight: only counts are wanted).
// - Storage: a glass database, meant for a tmpfs directory so that it lives in memory.
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "bench/corpus.h"
#include "bench/engine.h"

namespace verder::bench {
namespace {

enum Slot : Xapian::valueno { kPriceSlot = 0, kLevelSlot = 1, kModeSlot = 2, kRegionsSlot = 3 };
constexpr std::string_view kLevelPrefix = "XLEVEL";
constexpr std::string_view kModePrefix = "XMODE";
constexpr std::string_view kRegionPrefix = "XREGION";
constexpr Xapian::termcount kTitleWdf = 3;
constexpr Xapian::termcount kLabelWdf = 2;
constexpr Xapian::termcount kOtherWdf = 1;
constexpr Xapian::termcount kMaxPrefixExpansions = 40;  // Verder's ranking::kMaxPrefixExpansions

std::string RegionList(const std::vector<int>& regions) {
  std::string out;
  for (int r : regions) out += (out.empty() ? "" : ",") + std::to_string(r);
  return out;
}

Xapian::valueno SlotOf(const std::string& field) {
  if (field == "level") return kLevelSlot;
  if (field == "mode") return kModeSlot;
  if (field == "region") return kRegionsSlot;
  throw std::invalid_argument("no facet " + field);
}

bool Filtered(const BenchQuery& q, const std::string& field) {
  return (field == "level" && q.level) || (field == "mode" && q.mode) ||
         (field == "region" && q.region);
}

void AddCounts(const std::string& field, const Xapian::ValueCountMatchSpy& spy, BenchAnswer* a) {
  std::map<std::string, int64_t>& counts = a->facets[field];
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    const auto n = static_cast<int64_t>(it.get_termfreq());
    if (field != "region") {
      counts[value] += n;
      continue;
    }
    for (size_t begin = 0; begin < value.size();) {
      const size_t end = std::min(value.find(',', begin), value.size());
      counts[value.substr(begin, end - begin)] += n;
      begin = end + 1;
    }
  }
}

class XapianEngine final : public BenchEngine {
 public:
  explicit XapianEngine(std::string dir)
      : dir_(std::move(dir)), stopper_(StopWords().begin(), StopWords().end()) {}
  ~XapianEngine() override {
    db_.close();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string name() const override { return "xapian"; }

  int64_t StorageBytes() const override {
    int64_t bytes = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_, ec)) {
      if (entry.is_regular_file(ec)) bytes += static_cast<int64_t>(entry.file_size(ec));
    }
    return bytes;
  }

  Status Build(const std::vector<BenchDoc>& docs) override {
    try {
      Xapian::WritableDatabase db(
          dir_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
      Xapian::TermGenerator dutch;
      dutch.set_stemmer(Xapian::Stem("dutch"));
      dutch.set_stopper(&stopper_);
      Xapian::TermGenerator english;
      english.set_stemmer(Xapian::Stem("english"));
      ids_.clear();
      ids_.reserve(docs.size());
      for (const BenchDoc& d : docs) {
        db.add_document(ToDocument(d, &dutch, &english));
        ids_.push_back(d.id);  // docids are assigned 1, 2, ... in order
      }
      db.commit();
      db.close();
      db_ = Xapian::Database(dir_);
      doc_count_ = db_.get_doccount();
      parser_.set_database(db_);
      parser_.set_stemmer(Xapian::Stem("dutch"));
      parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      parser_.set_stopper(&stopper_);
      parser_.set_default_op(Xapian::Query::OP_AND);
      parser_.set_max_expansion(kMaxPrefixExpansions, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                                Xapian::QueryParser::FLAG_PARTIAL);
    } catch (const Xapian::Error& e) {
      return Unavailable("xapian: " + e.get_description());
    }
    return Status();
  }

  BenchAnswer Query(const BenchQuery& q) override {
    BenchAnswer a;
    try {
      const Xapian::Query text = TextQuery(q);
      Xapian::Enquire enquire(db_);
      enquire.set_query(WithFilters(text, q, ""));
      std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
      for (const std::string& field : q.facets) {
        if (Filtered(q, field)) continue;
        spies.emplace_back(field, std::make_unique<Xapian::ValueCountMatchSpy>(SlotOf(field)));
        enquire.add_matchspy(spies.back().second.get());
      }
      const Xapian::MSet mset =
          enquire.get_mset(0, static_cast<Xapian::doccount>(q.limit), doc_count_);
      a.total = mset.get_matches_estimated();  // exact: every match was checked
      for (auto it = mset.begin(); it != mset.end(); ++it) a.ids.push_back(ids_[*it - 1]);
      for (const auto& [field, spy] : spies) AddCounts(field, *spy, &a);
      for (const std::string& field : q.facets) {
        if (Filtered(q, field)) CountWithout(text, q, field, &a);
      }
    } catch (const std::exception& e) {
      a.error = e.what();
    } catch (const Xapian::Error& e) {
      a.error = e.get_description();
    }
    return a;
  }

 private:
  static Xapian::Document ToDocument(const BenchDoc& d, Xapian::TermGenerator* dutch,
                                     Xapian::TermGenerator* english) {
    Xapian::Document doc;
    dutch->set_document(doc);
    dutch->index_text_without_positions(d.title, kTitleWdf);
    for (const std::string& s : d.skills) dutch->index_text_without_positions(s, kLabelWdf);
    for (const std::string& s : d.occupations) dutch->index_text_without_positions(s, kLabelWdf);
    dutch->index_text_without_positions(d.description, kOtherWdf);
    dutch->index_text_without_positions(d.provider_name, kOtherWdf);
    for (const std::string& p : d.places) dutch->index_text_without_positions(p, kOtherWdf);
    english->set_document(doc);
    english->index_text_without_positions(d.title_en, kTitleWdf);
    english->index_text_without_positions(d.description_en, kOtherWdf);
    doc.add_boolean_term(std::string(kLevelPrefix) + d.level);
    doc.add_boolean_term(std::string(kModePrefix) + d.mode);
    for (int r : d.regions) doc.add_boolean_term(std::string(kRegionPrefix) + std::to_string(r));
    if (d.price_cents >= 0) {
      doc.add_value(kPriceSlot, Xapian::sortable_serialise(static_cast<double>(d.price_cents)));
    }
    doc.add_value(kLevelSlot, d.level);
    doc.add_value(kModeSlot, d.mode);
    if (!d.regions.empty()) doc.add_value(kRegionsSlot, RegionList(d.regions));
    return doc;
  }

  Xapian::Query TextQuery(const BenchQuery& q) {
    if (q.text.find_first_not_of(" \t") == std::string::npos) return Xapian::Query::MatchAll;
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;
    if (q.prefix_last) flags |= Xapian::QueryParser::FLAG_PARTIAL;
    return parser_.parse_query(q.text, flags);
  }

  // The text query with every filter of `q` except the one on `except` ("" keeps all).
  static Xapian::Query WithFilters(const Xapian::Query& text, const BenchQuery& q,
                                   const std::string& except) {
    std::vector<Xapian::Query> filters;
    if (q.level && except != "level") filters.emplace_back(std::string(kLevelPrefix) + *q.level);
    if (q.mode && except != "mode") filters.emplace_back(std::string(kModePrefix) + *q.mode);
    if (q.region && except != "region") {
      filters.emplace_back(std::string(kRegionPrefix) + std::to_string(*q.region));
    }
    if (q.price_max_cents) {
      filters.emplace_back(Xapian::Query::OP_VALUE_LE, kPriceSlot,
                           Xapian::sortable_serialise(static_cast<double>(*q.price_max_cents)));
    }
    if (filters.empty()) return text;
    return {Xapian::Query::OP_FILTER, text,
            Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end())};
  }

  // The counts of `field` among the matches of every filter but its own.
  void CountWithout(const Xapian::Query& text, const BenchQuery& q, const std::string& field,
                    BenchAnswer* a) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(WithFilters(text, q, field));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy spy(SlotOf(field));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, doc_count_);
    AddCounts(field, spy, a);
  }

  std::string dir_;
  Xapian::SimpleStopper stopper_;
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  Xapian::doccount doc_count_ = 0;
  std::vector<int64_t> ids_;  // docid - 1 → course id
};

}  // namespace

Result<std::unique_ptr<BenchEngine>> MakeXapianEngine(const std::string& parent_dir) {
  std::string pattern = parent_dir + "/verder-bench-xapian-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Unavailable("cannot create a directory under " + parent_dir);
  }
  return std::unique_ptr<BenchEngine>(std::make_unique<XapianEngine>(pattern));
}

}  // namespace verder::bench
