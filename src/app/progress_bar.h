// app/progress_bar.h — a one-line progress bar on stderr for long imports.
//
// On a terminal it redraws in place; in a log (not a TTY) it prints a line every 10%.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace verder {

class ProgressBar {
 public:
  ProgressBar(std::string label, int64_t total);
  void Update(int64_t done);
  void Finish();

 private:
  std::string label_;
  int64_t total_;
  bool tty_;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace verder
