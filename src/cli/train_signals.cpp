#include "train_signals.h"

#include <atomic>

namespace embedtool::cli {
namespace {

// Lock-free, so that the handler may store it (a plain int would be a data race with the
// thread that polls it).
std::atomic<int> signal_received{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int signal_number) {
  if (signal_received.exchange(signal_number) != 0) {
    // The second signal: die of it, with the default action (and the shell's 128 + n status).
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
  }
}

}  // namespace

StopSignals::StopSignals() {
  signal_received.store(0);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: reads and writes in progress go on instead of failing with EINTR.
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, &previous_int_);
  ::sigaction(SIGTERM, &action, &previous_term_);
}

StopSignals::~StopSignals() {
  ::sigaction(SIGINT, &previous_int_, nullptr);
  ::sigaction(SIGTERM, &previous_term_, nullptr);
}

int StopSignals::received() { return signal_received.load(); }

}  // namespace embedtool::cli
