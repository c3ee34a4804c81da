#include "train_ranks.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <thread>
#include <chrono>

#include "embedtool/errors.h"
#include "exit_status.h"
#include "progress_line.h"

namespace embedtool::cli {
namespace {

constexpr int kFailedRun = 1;
constexpr int kUsageError = 2;

[[noreturn]] void end_job(RankGroup& ranks, int status, const std::string& message,
                          bool every_rank_has_it) {
  std::fflush(stdout);
  end_progress_line();
  // A usage error comes from the command line, which every rank has: rank 0 says it for all.
  if (!every_rank_has_it || ranks.rank() == 0)
    std::fprintf(stderr, "embedtool: error: rank %d of %d: %s\n", ranks.rank(), ranks.size(),
                 message.c_str());
  // The others leave rank 0 the time to say it: the first abort ends every rank at once.
  else
    std::this_thread::sleep_for(std::chrono::seconds(2));
  ranks.abort(status);
  std::_Exit(status);  // abort() does not return; the compiler cannot see through the call
}

}  // namespace

void run_as_rank(RankGroup* ranks, const std::function<void()>& body) {
  if (!ranks) {
    body();
    return;
  }
  try {
    body();
  } catch (const ExitStatus&) {
    throw;
  } catch (const CollectiveError& error) {
    // Every rank found it alike: rank 0 says it, and the others leave only once it has. A rank
    // that exits with a failure makes the launcher end the job at once, rank 0 with it, and
    // under load it did so before rank 0 had written the message (e2e_train_mpi_faults).
    if (ranks->rank() == 0) {
      std::fflush(stdout);
      end_progress_line();
      std::fprintf(stderr, "embedtool: error: %s\n", error.what());
      std::fflush(stderr);
    }
    ranks->meet();
    throw ExitStatus{kFailedRun};  // every rank then leaves MPI normally
  } catch (const UsageError& error) {
    end_job(*ranks, kUsageError, error.what(), true);
  } catch (const std::bad_alloc&) {
    end_job(*ranks, kFailedRun, "out of memory", false);
  } catch (const std::exception& error) {
    end_job(*ranks, kFailedRun, error.what(), false);
  }
}

}  // namespace embedtool::cli
