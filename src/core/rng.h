// core/rng.h — deterministic random numbers for generated data (demo catalogue, benchmark query
// mixes): splitmix64 and a Zipf sampler. Fully determined by the seed, unlike std::
// distributions whose output may differ between standard libraries.
//
//   Rng rng(42);
//   std::vector<double> cdf = ZipfCdf(1000, 1.0);
//   size_t rank = SampleCdf(cdf, &rng);  // 0 is drawn most often
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace verder {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Real() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(double p) { return Real() < p; }
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(N)];
  }

 private:
  uint64_t state_;
};

// Cumulative Zipf weights 1/r^exponent for ranks 1..n, normalised to end at 1.
inline std::vector<double> ZipfCdf(size_t n, double exponent) {
  std::vector<double> cdf(n);
  double sum = 0;
  for (size_t r = 0; r < n; ++r) {
    sum += 1.0 / std::pow(static_cast<double>(r + 1), exponent);
    cdf[r] = sum;
  }
  for (double& v : cdf) v /= sum;
  return cdf;
}

// A rank drawn from a cumulative distribution (non-empty).
inline size_t SampleCdf(const std::vector<double>& cdf, Rng* rng) {
  const auto it = std::lower_bound(cdf.begin(), cdf.end(), rng->Real());
  return std::min(static_cast<size_t>(it - cdf.begin()), cdf.size() - 1);
}

}  // namespace verder
