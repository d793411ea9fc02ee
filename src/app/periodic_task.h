// app/periodic_task.h — runs a function every `interval` on its own thread, and once more when
// stopped (so e.g. view counters recorded just before a shutdown still reach the store).
//
//   PeriodicTask flush(std::chrono::seconds(10), [&] { store->AddViewCounts(stats.TakePending());
//   });
//   ...
//   flush.Stop();  // also done by the destructor
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace verder {

class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> run)
      : run_(std::move(run)), thread_([this, interval] { Loop(interval); }) {}
  ~PeriodicTask() { Stop(); }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void Stop() {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
    run_();
  }

 private:
  void Loop(std::chrono::milliseconds interval) {
    std::unique_lock lock(mu_);
    while (!cv_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      run_();
      lock.lock();
    }
  }

  std::function<void()> run_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace verder
