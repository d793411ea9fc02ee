#include "search/suggester.h"

#include <algorithm>
#include <map>

#include "text/analysis.h"

namespace verder {

Suggester::Suggester(std::vector<Suggestion> entries) {
  std::map<std::pair<std::string, std::string>, int64_t> merged;
  for (Suggestion& e : entries) merged[{std::move(e.text), std::move(e.kind)}] += e.weight;
  for (auto& [key, weight] : merged) entries_.push_back({key.first, key.second, weight});
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const std::vector<std::string> words = Tokenize(entries_[i].text, 12);
    for (size_t w = 0; w < words.size(); ++w) {
      std::string key;
      for (size_t k = w; k < words.size(); ++k) key += (k > w ? " " : "") + words[k];
      keys_.push_back({std::move(key), i, static_cast<uint32_t>(w)});
    }
  }
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) { return a.text < b.text; });
}

std::vector<Suggestion> Suggester::Suggest(std::string_view prefix, size_t limit) const {
  std::string folded;
  for (const std::string& w : Tokenize(prefix.substr(0, 200), 12))
    folded += (folded.empty() ? "" : " ") + w;
  if (folded.empty() || limit == 0) return {};
  struct Candidate {
    uint32_t entry;
    bool at_start;
  };
  std::vector<Candidate> found;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), folded,
                             [](const Key& k, const std::string& p) { return k.text < p; });
  // Scanning is bounded: a one-letter prefix matches much, and a few thousand is plenty to rank.
  for (size_t n = 0; it != keys_.end() && n < 2000; ++it, ++n) {
    if (it->text.compare(0, folded.size(), folded) != 0) break;
    found.push_back({it->entry, it->word == 0});
  }
  std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.at_start != b.at_start) return a.at_start;
    if (entries_[a.entry].weight != entries_[b.entry].weight)
      return entries_[a.entry].weight > entries_[b.entry].weight;
    return entries_[a.entry].text < entries_[b.entry].text;
  });
  std::vector<Suggestion> out;
  std::vector<uint32_t> seen;
  for (const Candidate& c : found) {
    if (std::find(seen.begin(), seen.end(), c.entry) != seen.end()) continue;
    seen.push_back(c.entry);
    out.push_back(entries_[c.entry]);
    if (out.size() == limit) break;
  }
  return out;
}

}  // namespace verder
