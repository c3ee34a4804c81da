#pragma once
// The processes of one job started by an MPI launcher (mpirun, srun), as the rest of embedtool
// sees them: a rank and a size, and the few collectives that training needs. The MPI calls
// themselves live in a plugin (src/mpi_plugin/) that is loaded only when a launcher started the
// process (launcher.h), so a run outside MPI neither loads libmpi nor pays its start-up.
//
// Every method but rank(), size() and abort() is collective: every rank of the group calls it,
// in the same order, with the same root. Only one thread of a process calls them (the one that
// joined: MPI_THREAD_FUNNELED).
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

class RankGroup {
 public:
  virtual ~RankGroup() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;

  // Returns once every rank has called it. Waits without spinning (MPI's own waits poll at full
  // speed), so that ranks sharing cores with ranks still at work leave them the CPU: called
  // before each sync, it made 4 ranks on 2 cores train at the speed of 2.
  virtual void meet() = 0;
  // The same meeting without waiting: started here, met once meeting_done() says so (it never
  // blocks) or after wait_meeting(). A rank that is due for a sync trains on until every rank
  // is (rank_sync.h). One meeting at a time; it pairs with the other ranks' meet() or
  // start_meeting(), whichever they call.
  virtual void start_meeting() = 0;
  virtual bool meeting_done() = 0;
  virtual void wait_meeting() = 0;

  // Element-wise sums over the ranks, in place: every rank ends with the same values.
  virtual void sum(std::span<float> values) = 0;
  virtual void sum(std::span<double> values) = 0;
  virtual void sum(std::span<std::uint64_t> values) = 0;

  // A sum of floats (as sum()) that goes on in the background while the caller's threads train:
  // started here, finished when background_sum_done() says so (it never blocks) or by
  // wait_background_sum() (which waits without spinning, as meet() does). Background sums travel
  // on a channel of their own, so they pair up among themselves in the order each rank started
  // them, whatever other collectives the ranks call meanwhile; one at a time per rank, and every
  // rank must start as many as the others. `values` must outlive the sum.
  virtual void start_background_sum(std::span<float> values) = 0;
  virtual bool background_sum_done() = 0;
  virtual void wait_background_sum() = 0;

  // Every rank ends with root's bytes.
  virtual void broadcast(std::string& bytes, int root) = 0;
  // Every rank ends with every rank's bytes, in rank order.
  virtual std::vector<std::string> all_gather(const std::string& mine) = 0;
  // The root is handed every rank's bytes one rank at a time, in rank order (its own too), so it
  // never holds more than one other rank's at once; the others only send. Any length: lengths
  // beyond MPI's int counts go in pieces.
  virtual void gather_each(const std::string& mine, int root,
                           const std::function<void(int rank, std::string_view bytes)>& each) = 0;

  // Ends every process of the job with `status` (MPI_Abort): what a rank that fails must do, since
  // the others would wait for it forever in the next collective.
  [[noreturn]] virtual void abort(int status) = 0;
};

// The plugin's entry points (src/mpi_plugin/mpi_rank_group.cpp), looked up by name with dlsym.
// The version changes whenever RankGroup does, so that a stale plugin is refused rather than
// called through the wrong table.
inline constexpr int kRankGroupPluginVersion = 4;
extern "C" {
using RankGroupPluginVersion = int();
// Joins the job (MPI_Init_thread); null and a message in `error` (of error_size bytes) on failure.
using RankGroupPluginJoin = RankGroup*(char* error, std::size_t error_size);
}

}  // namespace embedtool

namespace embedtool {

// A failure every rank of the job found alike, in a collective step (a corpus some rank cannot
// read): each rank throws it with the same message, so one rank reports it and all end
// normally, instead of each aborting the job with its own copy.
class CollectiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace embedtool
