#pragma once
// What `train` saves in a checkpoint file besides the weights (storage/checkpoint_file.h holds
// those and this state as JSON): the job as it was run, with every setting resolved (the loss
// auto chose, the default learning rate), the corpus's fingerprint, and the run's position (each
// thread's epoch, place in its part of the corpus, random generator and loss totals). Together
// they are everything a resumed run needs to end where the uninterrupted one would have.
#include <string>

#include <nlohmann/json.hpp>

#include "embedtool/pipeline/corpus_fingerprint.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/training/train_control.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct ResumePoint {
  std::string checkpoint_path;
  // As the interrupted run was started, settings resolved. corpus_path is the name the corpus was
  // given then ("<stdin>" for standard input): the caller points it at the file to read now.
  TrainJob job;
  CorpusFingerprint corpus;
  Vocabulary vocabulary;
  TrainingCheckpoint checkpoint;
};

// `job.settings` must be resolved (as train_model passes them to the trainer).
nlohmann::json checkpoint_state(const TrainJob& job, const CorpusFingerprint& corpus,
                                const RunPosition& position);

// Reads a checkpoint file and checks that its state is complete and sane. Throws Error naming
// `path` (missing fields, values out of range, another file type, damage).
ResumePoint read_checkpoint(const std::string& path);

}  // namespace embedtool
