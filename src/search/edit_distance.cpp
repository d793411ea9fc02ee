#include "search/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace verder {

int BoundedEditDistance(std::string_view a, std::string_view b, int max_edits) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_edits) return max_edits + 1;
  // Three rows of the dynamic-programming table; words are short, so this stays in cache.
  thread_local std::vector<int> prev2, prev, cur;
  prev2.assign(static_cast<size_t>(m) + 1, 0);
  prev.resize(static_cast<size_t>(m) + 1);
  cur.resize(static_cast<size_t>(m) + 1);
  for (int j = 0; j <= m; ++j) prev[static_cast<size_t>(j)] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const auto uj = static_cast<size_t>(j);
      const int cost = a[static_cast<size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
      int v = std::min({prev[uj] + 1, cur[uj - 1] + 1, prev[uj - 1] + cost});
      if (i > 1 && j > 1 && a[static_cast<size_t>(i - 1)] == b[uj - 2] &&
          a[static_cast<size_t>(i - 2)] == b[uj - 1]) {
        v = std::min(v, prev2[uj - 2] + 1);
      }
      cur[uj] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max_edits) return max_edits + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[static_cast<size_t>(m)], max_edits + 1);
}

}  // namespace verder
