#include "app/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace verder {

ProgressBar::ProgressBar(std::string label, int64_t total)
    : label_(std::move(label)),
      total_(total > 0 ? total : 1),
      tty_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(int64_t done) {
  const int percent = static_cast<int>(done * 100 / total_);
  if (percent == last_percent_ || (!tty_ && percent / 10 == last_percent_ / 10)) return;
  last_percent_ = percent;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  constexpr int kWidth = 30;
  const int filled = percent * kWidth / 100;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "%s%-24s [%s] %3d%% %lld/%lld %.1fs%s", tty_ ? "\r" : "", label_.c_str(),
               bar.c_str(), percent, static_cast<long long>(done), static_cast<long long>(total_),
               seconds, tty_ ? "" : "\n");
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  Update(total_);
  if (tty_) std::fprintf(stderr, "\n");
}

}  // namespace verder
