#pragma once
// `train --supervised --validation FILE --autotune-duration 2m`: trains classifiers with one
// setting after another within a time budget and keeps the one that scores best on the
// validation file (each trial keeps its own best epoch). The first trial takes the defaults
// (resolve_settings), so the result is never worse on the validation file than a run without
// autotune; the others step around the best so far (training/autotune_search.h). Every trial but
// the first stops when the budget runs out, and a trial stopped so is dropped.
#include <chrono>
#include <functional>

#include "embedtool/pipeline/validation_file.h"
#include "embedtool/training/autotune_search.h"
#include "embedtool/training/resolve_settings.h"
#include "embedtool/training/trainer.h"

namespace embedtool {

struct AutotuneJob {
  const Vocabulary& vocabulary;
  const LabelSet& labels;
  const Corpus& corpus;  // the training lines
  const ValidationFile& validation;
  TrainSettings asked;   // as given: unset settings are the ones searched (and resolved)
  RunFacts facts;        // what resolve_settings needs of the training file
  AutotuneFreedom free;  // which settings to search (AutotuneFreedom::of(asked), or fewer)
  std::chrono::milliseconds budget;
  // Throws Error when a candidate would not fit in memory: it is skipped.
  std::function<void(const TrainSettings&)> check_memory;
  // As TrainControl::initialize (--init rows), for every trial.
  std::function<void(Matrix&)> initialize;
  // Polled during trials: true stops the search, keeping the best trial that finished.
  std::function<bool()> stop_requested;
};

struct AutotuneOutcome {
  TrainResult result;     // the best trial's weights, at its best epoch
  TrainSettings settings; // its settings, resolved
  double accuracy = 0;    // its validation accuracy
  int trials = 0;         // trials that finished
};

// Logs every trial through on_info. Throws Error if no trial finished (stopped during the first)
// and as train_classifier does.
AutotuneOutcome autotune_classifier(const AutotuneJob& job,
                                    const std::function<void(const std::string&)>& on_info);

}  // namespace embedtool
