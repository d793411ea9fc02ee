// SynonymTable: parsing the groups file and looking up a word or phrase.
#include <algorithm>
#include <string_view>

#include "core/file.h"
#include "text/analysis.h"

namespace verder {
namespace {

// Longer entries are not phrases people type; the query planner tries every length up to the
// longest, so a bound keeps that cheap.
constexpr size_t kMaxPhraseTokens = 8;

Error LineError(size_t line_number, const std::string& message) {
  return InvalidArgument("synonyms", "line " + std::to_string(line_number) + ": " + message);
}

// An entry as the query planner will meet it: its tokens joined by single spaces, so "Hbo-V",
// "hbo v" and "HBO  V" are the same entry, matching the query "hbo-v" however it is typed.
std::string NormaliseEntry(std::string_view text, size_t* token_count) {
  const std::vector<std::string> tokens = Tokenize(text, kMaxPhraseTokens + 1);
  *token_count = tokens.size();
  std::string out;
  for (const std::string& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

// The entries of one line, or an error naming the line.
Result<std::vector<std::string>> ParseGroup(std::string_view line, size_t line_number) {
  std::vector<std::string> group;
  size_t from = 0;
  while (from <= line.size()) {
    const size_t comma = std::min(line.find(',', from), line.size());
    size_t token_count = 0;
    std::string entry = NormaliseEntry(line.substr(from, comma - from), &token_count);
    if (entry.empty()) return LineError(line_number, "an entry is empty (two commas in a row?)");
    if (token_count > kMaxPhraseTokens) {
      return LineError(line_number,
                       "an entry has more than " + std::to_string(kMaxPhraseTokens) + " words");
    }
    if (std::find(group.begin(), group.end(), entry) == group.end()) {
      group.push_back(std::move(entry));
    }
    from = comma + 1;
  }
  if (group.size() < 2) {
    return LineError(line_number, "a group needs at least two entries, different after folding");
  }
  return group;
}

}  // namespace

Result<SynonymTable> SynonymTable::Parse(std::string_view text) {
  SynonymTable table;
  size_t line_number = 0;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++line_number;
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    VERDER_ASSIGN_OR_RETURN(std::vector<std::string> group, ParseGroup(line, line_number));
    for (const std::string& entry : group) {
      const auto words = static_cast<size_t>(std::count(entry.begin(), entry.end(), ' ') + 1);
      table.max_phrase_tokens_ = std::max(table.max_phrase_tokens_, words);
      std::vector<std::string>& others = table.equivalents_[entry];
      for (const std::string& other : group) {
        if (other != entry && std::find(others.begin(), others.end(), other) == others.end()) {
          others.push_back(other);
        }
      }
    }
  }
  return table;
}

Result<SynonymTable> SynonymTable::LoadFile(const std::string& path) {
  VERDER_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  Result<SynonymTable> table = Parse(text);
  if (!table.ok()) return InvalidArgument("synonyms", path + ", " + table.error().message);
  return table;
}

const std::vector<std::string>& SynonymTable::Lookup(std::string_view folded_phrase) const {
  static const std::vector<std::string> kNone;
  const auto it = equivalents_.find(folded_phrase);
  return it == equivalents_.end() ? kNone : it->second;
}

}  // namespace verder
