#pragma once
// SIGINT and SIGTERM during `train`: the first one asks the run to write a checkpoint and stop
// (the library polls stop_requested()); a second one ends the process at once, as Ctrl-C
// normally does, for a user who will not wait for the checkpoint. Installed for the lifetime of
// one object, and only by the CLI: the library never touches signal handlers.
#include <csignal>

namespace embedtool::cli {

class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // The signal received (SIGINT or SIGTERM), or 0.
  static int received();
  static bool stop_requested() { return received() != 0; }

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace embedtool::cli
