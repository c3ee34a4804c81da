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
  // The MPI ranks that made it (1: one process); checkpoint.position holds every rank's threads,
  // rank by rank.
  int ranks = 1;
  CorpusFingerprint corpus;
  Vocabulary vocabulary;
  TrainingCheckpoint checkpoint;
};

// `job.settings` must be resolved (as train_model passes them to the trainer). With job.ranks,
// `position` is this rank's, and the state says how many ranks there are: merge_rank_states
// puts every rank's threads into rank 0's.
nlohmann::json checkpoint_state(const TrainJob& job, const CorpusFingerprint& corpus,
                                const RunPosition& position);

// Collective over job.ranks: rank 0's `state` (checkpoint_state) gets every rank's threads, in
// rank order; the others' is left as it was.
void merge_rank_states(RankGroup& ranks, nlohmann::json& state);

// Reads a checkpoint file and checks that its state is complete and sane. Throws Error naming
// `path` (missing fields, values out of range, another file type, damage).
ResumePoint read_checkpoint(const std::string& path);

}  // namespace embedtool
