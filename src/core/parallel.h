// core/parallel.h — split a range of independent work over the machine's cores.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace verder {

// How many slices ForEachSlice cuts [0, n) into: one per core (at most eight), but never slices
// smaller than `min_slice` — small jobs are not worth a thread. At least one.
inline size_t SliceCount(size_t n, size_t min_slice) {
  const size_t cores = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  return std::clamp<size_t>(n / std::max<size_t>(min_slice, 1), 1, cores);
}

// Calls `work(slice, begin, end)` for the SliceCount(n, min_slice) contiguous slices that cover
// [0, n), each on its own thread (the first on the calling thread), and returns when all are
// done. `work` must be safe to run concurrently on disjoint slices. An exception thrown by a
// slice is rethrown here, after every slice has finished (a thread would otherwise terminate the
// whole server).
template <typename Work>
void ForEachSlice(size_t n, size_t min_slice, Work work) {
  const size_t slices = SliceCount(n, min_slice);
  const size_t size = (n + slices - 1) / slices;
  std::vector<std::exception_ptr> failed(slices);
  const auto run = [&work, &failed, size, n](size_t s) {
    try {
      work(s, std::min(n, s * size), std::min(n, (s + 1) * size));
    } catch (...) {
      failed[s] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (size_t s = 1; s < slices; ++s) workers.emplace_back(run, s);
  run(0);
  for (std::thread& w : workers) w.join();
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace verder
