// The RankGroup of a job started by an MPI launcher, over MPI_COMM_WORLD: built as the plugin
// libembedtool_mpi.so, which only embedtool processes that a launcher started load (launcher.h),
// so that libmpi is not even mapped into the others.
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "embedtool/cluster/rank_group.h"

namespace embedtool {
namespace {

// MPI counts are ints: longer buffers travel in pieces of this many elements.
constexpr std::size_t kMaxPiece = std::size_t{1} << 30;

// MPI's default error handler (MPI_ERRORS_ARE_FATAL) ends the job on a failed call, naming the
// call; a status is still checked so that a handler set to return cannot let a failure pass.
void check(int status, const char* call) {
  if (status == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(status, text, &length);
  throw std::runtime_error(std::string(call) + " failed: " + std::string(text, length));
}

class MpiRankGroup : public RankGroup {
 public:
  MpiRankGroup() {
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
    // The background sums' own channel: collectives on one communicator pair up by their order,
    // and the ranks start background sums at their own times, between the others.
    check(MPI_Comm_dup(MPI_COMM_WORLD, &background_), "MPI_Comm_dup");
  }
  ~MpiRankGroup() override {
    MPI_Comm_free(&background_);
    MPI_Finalize();
  }

  int rank() const override { return rank_; }
  int size() const override { return size_; }

  void meet() override {
    start_meeting();
    wait_meeting();
  }

  // A barrier, nonblocking: it pairs with the other ranks' whichever way they wait for it.
  void start_meeting() override {
    if (meeting_ != MPI_REQUEST_NULL)
      throw std::logic_error("a meeting was started before the last one was met");
    check(MPI_Ibarrier(MPI_COMM_WORLD, &meeting_), "MPI_Ibarrier");
  }

  bool meeting_done() override {
    if (meeting_ == MPI_REQUEST_NULL) return true;
    int done = 0;
    check(MPI_Test(&meeting_, &done, MPI_STATUS_IGNORE), "MPI_Test");  // done: back to null
    return done != 0;
  }

  void wait_meeting() override {
    // A millisecond is short beside a sync and long enough for the CPU to go to a rank at work.
    while (!meeting_done()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  void sum(std::span<float> values) override { sum_in_place(values.data(), values.size(), MPI_FLOAT); }
  void sum(std::span<double> values) override {
    sum_in_place(values.data(), values.size(), MPI_DOUBLE);
  }
  void sum(std::span<std::uint64_t> values) override {
    sum_in_place(values.data(), values.size(), MPI_UINT64_T);
  }

  void start_background_sum(std::span<float> values) override {
    if (background_sum_ != MPI_REQUEST_NULL)
      throw std::logic_error("a background sum was started before the last one finished");
    if (values.size() > kMaxPiece) throw std::logic_error("a background sum of over 2^30 floats");
    check(MPI_Iallreduce(MPI_IN_PLACE, values.data(), static_cast<int>(values.size()), MPI_FLOAT,
                         MPI_SUM, background_, &background_sum_),
          "MPI_Iallreduce");
  }

  bool background_sum_done() override {
    if (background_sum_ == MPI_REQUEST_NULL) return true;
    int done = 0;
    // Each test also moves the sum on: Open MPI progresses nonblocking collectives only inside
    // MPI calls. A finished request is set back to MPI_REQUEST_NULL.
    check(MPI_Test(&background_sum_, &done, MPI_STATUS_IGNORE), "MPI_Test");
    return done != 0;
  }

  void wait_background_sum() override {
    // Called with every rank at a sync and its workers paused: the sum needs a few rounds of
    // tests, so the sleeps are shorter than meet()'s.
    while (!background_sum_done()) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }

  void broadcast(std::string& bytes, int root) override {
    std::uint64_t length = bytes.size();
    check(MPI_Bcast(&length, 1, MPI_UINT64_T, root, MPI_COMM_WORLD), "MPI_Bcast");
    bytes.resize(length);
    for (std::size_t done = 0; done < length; done += kMaxPiece) {
      const auto piece = static_cast<int>(std::min<std::uint64_t>(kMaxPiece, length - done));
      check(MPI_Bcast(bytes.data() + done, piece, MPI_BYTE, root, MPI_COMM_WORLD), "MPI_Bcast");
    }
  }

  std::vector<std::string> all_gather(const std::string& mine) override {
    std::vector<std::string> all(static_cast<std::size_t>(size_));
    for (int root = 0; root < size_; ++root) {
      std::string& bytes = all[static_cast<std::size_t>(root)];
      if (root == rank_) bytes = mine;
      broadcast(bytes, root);
    }
    return all;
  }

  void gather_each(const std::string& mine, int root,
                   const std::function<void(int, std::string_view)>& each) override {
    if (rank_ != root) {
      // Sent only when the root asks, so that at most one rank's bytes are on their way to it.
      check(MPI_Recv(nullptr, 0, MPI_BYTE, root, kAskTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
            "MPI_Recv");
      send(mine, root);
      return;
    }
    std::string received;
    for (int from = 0; from < size_; ++from) {
      if (from == rank_) {
        each(from, mine);
        continue;
      }
      check(MPI_Send(nullptr, 0, MPI_BYTE, from, kAskTag, MPI_COMM_WORLD), "MPI_Send");
      receive(received, from);
      each(from, received);
    }
  }

  [[noreturn]] void abort(int status) override {
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, status);
    std::_Exit(status);  // MPI_Abort does not return; should it, the process ends anyway
  }

 private:
  static constexpr int kAskTag = 1;
  static constexpr int kDataTag = 2;

  void sum_in_place(void* values, std::size_t count, MPI_Datatype type) {
    int element = 0;
    MPI_Type_size(type, &element);
    auto* bytes = static_cast<char*>(values);
    for (std::size_t done = 0; done < count; done += kMaxPiece) {
      const auto piece = static_cast<int>(std::min(kMaxPiece, count - done));
      check(MPI_Allreduce(MPI_IN_PLACE, bytes + done * static_cast<std::size_t>(element), piece,
                          type, MPI_SUM, MPI_COMM_WORLD),
            "MPI_Allreduce");
    }
  }

  void send(const std::string& bytes, int to) {
    std::uint64_t length = bytes.size();
    check(MPI_Send(&length, 1, MPI_UINT64_T, to, kDataTag, MPI_COMM_WORLD), "MPI_Send");
    for (std::size_t done = 0; done < length; done += kMaxPiece) {
      const auto piece = static_cast<int>(std::min<std::uint64_t>(kMaxPiece, length - done));
      check(MPI_Send(bytes.data() + done, piece, MPI_BYTE, to, kDataTag, MPI_COMM_WORLD),
            "MPI_Send");
    }
  }

  void receive(std::string& bytes, int from) {
    std::uint64_t length = 0;
    check(MPI_Recv(&length, 1, MPI_UINT64_T, from, kDataTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
          "MPI_Recv");
    bytes.resize(length);
    for (std::size_t done = 0; done < length; done += kMaxPiece) {
      const auto piece = static_cast<int>(std::min<std::uint64_t>(kMaxPiece, length - done));
      check(MPI_Recv(bytes.data() + done, piece, MPI_BYTE, from, kDataTag, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE),
            "MPI_Recv");
    }
  }

  int rank_ = 0;
  int size_ = 1;
  MPI_Comm background_ = MPI_COMM_NULL;
  MPI_Request background_sum_ = MPI_REQUEST_NULL;
  MPI_Request meeting_ = MPI_REQUEST_NULL;  // a meeting started and not yet met
};

}  // namespace
}  // namespace embedtool

extern "C" {

__attribute__((visibility("default"))) int embedtool_mpi_plugin_version() {
  return embedtool::kRankGroupPluginVersion;
}

__attribute__((visibility("default"))) embedtool::RankGroup* embedtool_mpi_join(
    char* error, std::size_t error_size) {
  try {
    // Only the thread that joined makes MPI calls; the training threads never do.
    int provided = 0;
    const int status = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    if (status != MPI_SUCCESS) throw std::runtime_error("MPI_Init_thread failed");
    if (provided < MPI_THREAD_FUNNELED)
      throw std::runtime_error("this MPI cannot be used from a multithreaded process");
    return new embedtool::MpiRankGroup();
  } catch (const std::exception& failure) {
    std::snprintf(error, error_size, "%s", failure.what());
    return nullptr;
  }
}

}  // extern "C"
