#include "embedtool/cluster/sync_share_warning.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace embedtool {
namespace {

// As --sync-every takes it: 850, 12k, 1.5M.
std::string words_text(double words) {
  char text[32];
  if (words >= 1e6)
    std::snprintf(text, sizeof text, "%.1fM", words / 1e6);
  else if (words >= 1e3)
    std::snprintf(text, sizeof text, "%.0fk", words / 1e3);
  else
    std::snprintf(text, sizeof text, "%.0f", words);
  return text;
}

}  // namespace

std::optional<std::string> sync_share_warning(const SyncCosts& costs, double training_seconds,
                                              std::uint64_t job_words) {
  if (costs.syncs == 0 || !(training_seconds > 0)) return std::nullopt;
  const double share = costs.seconds / training_seconds;
  if (!(share > kSyncShareToWarn)) return std::nullopt;
  // With k times fewer syncs of the same cost, the training proper (what is not syncs) stays,
  // and the syncs' share becomes S/k / (T − S + S/k); solved for that share = the aim:
  const double syncing = costs.seconds;
  const double computing = std::max(training_seconds - syncing, 1e-9);
  const double times = syncing * (1 - kSyncShareAimed) / (kSyncShareAimed * computing);
  const double words_per_sync = static_cast<double>(job_words) / static_cast<double>(costs.syncs);
  char text[320];
  std::snprintf(text, sizeof text,
                "MPI: the syncs took %.0f%% of the training time (%.1fs of %.1fs); --sync-every "
                "%s would bring them down towards %.0f%%, at some cost in quality (docs/SCALING.md)",
                100 * share, syncing, training_seconds,
                words_text(std::ceil(words_per_sync * times)).c_str(), 100 * kSyncShareAimed);
  return std::string(text);
}

}  // namespace embedtool
