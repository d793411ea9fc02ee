// bench/fts5_engine.cpp — SQLite FTS5 as a peer, configured as a team using it would.
//
// - An in-memory database: a `docs` table with the filter columns and a contentless FTS5 table
//   sharing its rowids, tokenizer unicode61 with remove_diacritics 2. FTS5 has no Dutch stemmer
//   (its only stemmer, porter, is English), so "verpleegkunde" does not meet
//   "verpleegkundige": that is FTS5 as it ships. Prefix indexes for 3-6 letters make `word*`
//   queries fast; the index is merged ('optimize') at the end of the build.
// - Queries: the words quoted and ANDed, stop words left out, the last one as `word*` when it is
//   being typed; bm25() with column weights like Verder's (title 3, skills and occupations 2,
//   the rest 1). No typo tolerance and no compound splitting: FTS5 has neither.
// - Filters in SQL with the CROSS JOIN pattern (`fts CROSS JOIN docs ON docs.rowid =
//   fts.rowid`): it makes SQLite run the full-text match first and look up each hit's row,
//   where a plain join may scan docs and probe the FTS index once per row.
// - Facets: one GROUP BY over the same match per facet field, without that field's own filter
//   (disjunctive). Regions are a bit mask column (a course can be in several), grouped by mask
//   and split here. The total comes from an unfiltered field's groups when there is one.
#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

#include "bench/corpus.h"
#include "bench/engine.h"

namespace verder::bench {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = MEMORY;
CREATE TABLE docs(id INTEGER PRIMARY KEY, level TEXT NOT NULL, mode TEXT NOT NULL,
                  price INTEGER, regions INTEGER NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, labels, description, provider, places, content = '',
    prefix = '3 4 5 6', tokenize = 'unicode61 remove_diacritics 2');
)sql";
constexpr const char* kRank = "bm25(fts, 3.0, 2.0, 1.0, 1.0, 1.0)";

struct StatementCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;
struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

std::string Joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// The FTS5 query for what was typed: quoted words (so punctuation cannot be syntax), ANDed.
std::string MatchExpression(const BenchQuery& q) {
  std::vector<std::string> words;
  size_t begin = 0;
  while ((begin = q.text.find_first_not_of(" \t", begin)) != std::string::npos) {
    const size_t end = std::min(q.text.find_first_of(" \t", begin), q.text.size());
    words.push_back(q.text.substr(begin, end - begin));
    begin = end;
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    const bool last = i + 1 == words.size();
    if (IsStopWord(words[i]) && !(last && q.prefix_last)) continue;
    std::string quoted = "\"";
    for (char c : words[i]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    if (last && q.prefix_last) quoted += " *";
    out += (out.empty() ? "" : " ") + quoted;
  }
  return out;
}

const char* ColumnOf(const std::string& field) {
  if (field == "level") return "docs.level";
  if (field == "mode") return "docs.mode";
  return "docs.regions";
}

bool Filtered(const BenchQuery& q, const std::string& field) {
  return (field == "level" && q.level) || (field == "mode" && q.mode) ||
         (field == "region" && q.region);
}

class Fts5Engine final : public BenchEngine {
 public:
  explicit Fts5Engine(sqlite3* db) : db_(db) {}

  std::string name() const override { return "fts5"; }

  Status Build(const std::vector<BenchDoc>& docs) override {
    if (!Exec(kSchema) || !Exec("BEGIN")) return Unavailable("fts5: " + Error());
    sqlite3_stmt* doc_row = Prepare("INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5)");
    sqlite3_stmt* text_row = Prepare(
        "INSERT INTO fts(rowid, title, labels, description, provider, places)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (doc_row == nullptr || text_row == nullptr) return Unavailable("fts5: " + Error());
    for (const BenchDoc& d : docs) {
      uint64_t regions = 0;
      for (int r : d.regions) regions |= uint64_t{1} << (r - 1);
      sqlite3_reset(doc_row);
      sqlite3_bind_int64(doc_row, 1, d.id);
      sqlite3_bind_text(doc_row, 2, d.level.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(doc_row, 3, d.mode.c_str(), -1, SQLITE_STATIC);
      if (d.price_cents >= 0) {
        sqlite3_bind_int64(doc_row, 4, d.price_cents);
      } else {
        sqlite3_bind_null(doc_row, 4);
      }
      sqlite3_bind_int64(doc_row, 5, static_cast<sqlite3_int64>(regions));
      const std::string title = Joined({d.title, d.title_en}, " ");
      std::vector<std::string> labels = d.skills;
      labels.insert(labels.end(), d.occupations.begin(), d.occupations.end());
      const std::string label_text = Joined(labels, ", ");
      const std::string description = Joined({d.description, d.description_en}, " ");
      const std::string places = Joined(d.places, ", ");
      sqlite3_reset(text_row);
      sqlite3_bind_int64(text_row, 1, d.id);
      sqlite3_bind_text(text_row, 2, title.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(text_row, 3, label_text.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(text_row, 4, description.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(text_row, 5, d.provider_name.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(text_row, 6, places.c_str(), -1, SQLITE_STATIC);
      if (sqlite3_step(doc_row) != SQLITE_DONE || sqlite3_step(text_row) != SQLITE_DONE) {
        return Unavailable("fts5: " + Error());
      }
    }
    if (!Exec("COMMIT") || !Exec("INSERT INTO fts(fts) VALUES ('optimize')")) {
      return Unavailable("fts5: " + Error());
    }
    return Status();
  }

  BenchAnswer Query(const BenchQuery& q) override {
    BenchAnswer a;
    const std::string match = MatchExpression(q);
    const std::string from =
        match.empty() ? " FROM docs" : " FROM fts CROSS JOIN docs ON docs.rowid = fts.rowid";
    const std::string order = match.empty() ? "docs.rowid" : kRank;
    const int limit = std::clamp(q.limit, 1, 1000);
    bool have_total = false;
    if (!Run("SELECT docs.rowid" + from + Where(q, match, "") + " ORDER BY " + order + " LIMIT " +
                 std::to_string(limit),
             q, match, [&](sqlite3_stmt* s) { a.ids.push_back(sqlite3_column_int64(s, 0)); })) {
      a.error = Error();
      return a;
    }
    for (const std::string& field : q.facets) {
      const bool own_filter = Filtered(q, field);
      int64_t sum = 0;
      std::map<std::string, int64_t>& counts = a.facets[field];
      const auto row = [&](sqlite3_stmt* s) {
        const int64_t n = sqlite3_column_int64(s, 1);
        sum += n;
        if (field != "region") {
          counts[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] += n;
          return;
        }
        for (auto m = static_cast<uint64_t>(sqlite3_column_int64(s, 0)); m != 0; m &= m - 1) {
          counts[std::to_string(__builtin_ctzll(m) + 1)] += n;
        }
      };
      std::string sql = std::string("SELECT ") + ColumnOf(field) + ", count(*)";
      sql.append(from).append(Where(q, match, own_filter ? field : ""));
      sql.append(" GROUP BY ").append(ColumnOf(field));
      if (!Run(sql, q, match, row)) {
        a.error = Error();
        return a;
      }
      if (!own_filter) {
        a.total = sum;
        have_total = true;
      }
    }
    if (!have_total && !Run("SELECT count(*)" + from + Where(q, match, ""), q, match,
                            [&](sqlite3_stmt* s) { a.total = sqlite3_column_int64(s, 0); })) {
      a.error = Error();
    }
    return a;
  }

 private:
  // WHERE with the match and every filter except the one on `except`, as named parameters.
  static std::string Where(const BenchQuery& q, const std::string& match,
                           const std::string& except) {
    std::vector<std::string> terms;
    if (!match.empty()) terms.emplace_back("fts MATCH :match");
    if (q.level && except != "level") terms.emplace_back("docs.level = :level");
    if (q.mode && except != "mode") terms.emplace_back("docs.mode = :mode");
    if (q.region && except != "region") terms.emplace_back("(docs.regions & :region) != 0");
    if (q.price_max_cents) terms.emplace_back("docs.price <= :price");
    return terms.empty() ? "" : " WHERE " + Joined(terms, " AND ");
  }

  template <typename RowFn>
  bool Run(const std::string& sql, const BenchQuery& q, const std::string& match, RowFn row) {
    sqlite3_stmt* s = Prepare(sql);
    if (s == nullptr) return false;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    const auto index = [&](const char* name) { return sqlite3_bind_parameter_index(s, name); };
    if (int i = index(":match"); i > 0) sqlite3_bind_text(s, i, match.c_str(), -1, SQLITE_STATIC);
    if (int i = index(":level"); i > 0)
      sqlite3_bind_text(s, i, q.level->c_str(), -1, SQLITE_STATIC);
    if (int i = index(":mode"); i > 0) sqlite3_bind_text(s, i, q.mode->c_str(), -1, SQLITE_STATIC);
    if (int i = index(":region"); i > 0) {
      const uint64_t bit = uint64_t{1} << (*q.region - 1);
      sqlite3_bind_int64(s, i, static_cast<sqlite3_int64>(bit));
    }
    if (int i = index(":price"); i > 0) sqlite3_bind_int64(s, i, *q.price_max_cents);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s);
    return rc == SQLITE_DONE;
  }

  // A cached prepared statement; the engine keeps ownership.
  sqlite3_stmt* Prepare(const std::string& sql) {
    const auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second.get();
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
        SQLITE_OK) {
      sqlite3_finalize(s);
      return nullptr;
    }
    statements_.emplace(sql, Statement(s));
    return s;
  }

  bool Exec(const char* sql) {
    return sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  std::string Error() const { return sqlite3_errmsg(db_.get()); }

  std::unique_ptr<sqlite3, DbCloser> db_;
  // Declared after db_ so that statements are finalised before the database closes.
  std::unordered_map<std::string, Statement> statements_;
};

}  // namespace

Result<std::unique_ptr<BenchEngine>> MakeFts5Engine() {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Unavailable("fts5: " + message);
  }
  return std::unique_ptr<BenchEngine>(std::make_unique<Fts5Engine>(db));
}

}  // namespace verder::bench
