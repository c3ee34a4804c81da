#include "embedtool/pipeline/autotune_classifier.h"

#include <cstdio>
#include <optional>
#include <string>

#include "embedtool/errors.h"

namespace embedtool {
namespace {

using Clock = std::chrono::steady_clock;

// Candidates that do not fit in memory are skipped; this many in a row end the search (the
// budget may still be far off, and each costs nothing to draw).
constexpr int kMaxSkippedInARow = 100;

std::string trial_settings_text(const TrainSettings& s) {
  char text[160];
  std::snprintf(text, sizeof text, "lr %.3g, epochs %d, dim %zu, word-ngrams %d", 
                static_cast<double>(*s.learning_rate), *s.epochs, *s.output_dim, *s.word_ngrams);
  std::string result = text;
  if (*s.word_ngrams > 1 && s.buckets) result += ", buckets " + std::to_string(*s.buckets);
  return result;
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", seconds);
  return text;
}

}  // namespace

AutotuneOutcome autotune_classifier(const AutotuneJob& job,
                                    const std::function<void(const std::string&)>& on_info) {
  const auto log = [&on_info](const std::string& message) {
    if (on_info) on_info(message);
  };
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + job.budget;
  const auto spent = [&] {
    const std::chrono::duration<double> elapsed = Clock::now() - start;
    const std::chrono::duration<double> budget = job.budget;
    return budget.count() > 0 ? elapsed.count() / budget.count() : 1.0;
  };
  Random random(job.asked.seed);
  std::optional<AutotuneOutcome> best;
  int skipped_in_a_row = 0;
  int finished = 0;  // trials that ran to the end
  bool stop = false;
  for (int trial = 1; !stop; ++trial) {
    TrainSettings candidate = resolve_settings(job.asked, job.facts).settings;
    if (best) {
      if (Clock::now() >= deadline) break;
      TrainSettings next = next_autotune_candidate(best->settings, job.free, spent(), random);
      candidate = resolve_settings(next, job.facts).settings;
    }
    try {
      job.check_memory(candidate);
    } catch (const Error& error) {
      log("autotune trial " + std::to_string(trial) + " skipped (" + trial_settings_text(candidate) +
          "): " + error.what());
      if (++skipped_in_a_row >= kMaxSkippedInARow || !best) break;
      continue;
    }
    skipped_in_a_row = 0;

    std::optional<double> accuracy;
    bool out_of_time = false;
    TrainControl control;
    control.initialize = job.initialize;
    control.on_epoch_end = best_epoch_scorer(job.validation, job.labels,
                                             job.vocabulary.input_dim(), candidate, accuracy);
    control.poll_interval = std::chrono::milliseconds(100);
    const bool first = !best;
    control.poll = [&] {
      if (job.stop_requested && job.stop_requested()) {
        stop = true;
        return CheckpointRequest::save_and_stop;
      }
      if (!first && Clock::now() >= deadline) {
        out_of_time = true;
        return CheckpointRequest::save_and_stop;
      }
      return CheckpointRequest::none;
    };
    control.on_checkpoint = [](const RunPosition&, const ModelWeights&) {};  // nothing to keep
    const Clock::time_point trial_start = Clock::now();
    const std::string what = "autotune trial " + std::to_string(trial) + " (" +
                             trial_settings_text(candidate) + ")";
    TrainResult result;
    try {
      result = train_classifier(job.vocabulary, job.labels, job.corpus, candidate, {},
                                std::move(control));
    } catch (const TrainingDiverged& diverged) {
      // A learning rate too large for these settings: a bad point, not a failed search. The
      // defaults of the first trial have no such excuse.
      if (!best) throw;
      log(what + ": " + diverged.what());
      continue;
    }
    const std::chrono::duration<double> seconds = Clock::now() - trial_start;
    if (result.stopped) {
      log(what + (out_of_time ? " stopped: the time is up" : " stopped"));
      break;
    }
    const bool better = !best || *accuracy > best->accuracy;
    log(what + ": validation accuracy " + accuracy_text(*accuracy) + " at epoch " +
        std::to_string(result.epoch) + ", " + seconds_text(seconds.count()) +
        (better ? " (best)" : ""));
    ++finished;
    if (better) best = AutotuneOutcome{std::move(result), candidate, *accuracy, 0};
  }
  if (!best) throw Error("autotune stopped before its first trial finished; nothing was trained");
  best->trials = finished;
  log("autotune: the best of " + std::to_string(best->trials) + " trials: " +
      trial_settings_text(best->settings) + ", validation accuracy " +
      accuracy_text(best->accuracy));
  return std::move(*best);
}

}  // namespace embedtool
