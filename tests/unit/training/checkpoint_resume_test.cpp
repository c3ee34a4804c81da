// Checkpoints and resuming at the trainer's level: a run continued from any checkpoint ends bit
// for bit where the uninterrupted run does (one thread), and checkpoints with several threads
// pause and release every worker.
#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/training/trainer.h"
#include "two_topic_corpus.h"
#include "resolved_settings.h"

namespace embedtool {
namespace checkpoint_resume_test {

using testing::TwoTopicCorpus;

TrainSettings settings_for(Architecture architecture, const std::string& loss) {
  TrainSettings settings;
  settings.architecture = architecture;
  settings.loss = loss;
  settings.output_dim = 12;
  settings.window = 3;
  settings.epochs = 3;
  settings.learning_rate = 0.05f;
  settings.sample = 1e-2;  // some words dropped: subsampling's draws must resume too
  settings.seed = 11;
  return settings;
}

bool bit_identical(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

// Trains with a checkpoint at every poll (1 ms apart), keeping a copy of each.
std::vector<TrainingCheckpoint> checkpoints_of(const TwoTopicCorpus& corpus,
                                               const TrainSettings& settings,
                                               TrainResult& result) {
  std::vector<TrainingCheckpoint> saved;
  TrainControl control;
  control.poll_interval = std::chrono::milliseconds(1);
  control.poll = [] { return CheckpointRequest::save; };
  control.on_checkpoint = [&](const RunPosition& position, const ModelWeights& weights) {
    saved.push_back({position, weights});
  };
  result = train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), {}, std::move(control));
  return saved;
}

TEST_CASE("one thread: resuming from any checkpoint ends bit for bit as the uninterrupted run") {
  // Big enough to take many milliseconds, so that checkpoints fall inside every epoch.
  const TwoTopicCorpus corpus(2000, 12);
  for (const auto& [architecture, loss] :
       {std::pair{Architecture::skipgram, "ns"},
        std::pair{Architecture::skipgram, "hs"},
        std::pair{Architecture::cbow, "softmax"}}) {
    CAPTURE(name_of(architecture));
    CAPTURE(loss);
    const TrainSettings settings = settings_for(architecture, loss);
    const TrainResult plain = train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()));

    TrainResult paused;
    const std::vector<TrainingCheckpoint> saved = checkpoints_of(corpus, settings, paused);
    // Pausing for a checkpoint changes nothing.
    CHECK(bit_identical(paused.vectors, plain.vectors));
    REQUIRE(saved.size() >= 2);
    const std::uint64_t total = 3 * plain.corpus_words;
    CHECK(saved.front().position.words_done < total);

    // The first, one in the middle and the last.
    for (const std::size_t k : {std::size_t{0}, saved.size() / 2, saved.size() - 1}) {
      CAPTURE(k);
      CAPTURE(saved[k].position.words_done);
      TrainControl control;
      control.resume = saved[k];
      const TrainResult resumed = train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()),
                                                   {}, std::move(control));
      CHECK(bit_identical(resumed.vectors, plain.vectors));
      CHECK(resumed.epoch_average_losses == plain.epoch_average_losses);
      CHECK(resumed.final_average_loss == plain.final_average_loss);
    }
  }
}

TEST_CASE("save_and_stop: the run returns early, stopped, after writing its checkpoint") {
  const TwoTopicCorpus corpus(2000, 12);
  const TrainSettings settings =
      settings_for(Architecture::skipgram, "ns");
  std::optional<TrainingCheckpoint> saved;
  TrainControl control;
  control.poll_interval = std::chrono::milliseconds(1);
  control.poll = [] { return CheckpointRequest::save_and_stop; };
  control.on_checkpoint = [&](const RunPosition& position, const ModelWeights& weights) {
    CHECK_FALSE(saved);  // only one
    saved = TrainingCheckpoint{position, weights};
  };
  const TrainResult stopped =
      train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), {}, std::move(control));
  CHECK(stopped.stopped);
  CHECK(stopped.vectors.size() == 0);
  REQUIRE(saved);

  TrainControl resume;
  resume.resume = *saved;
  const TrainResult resumed =
      train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), {}, std::move(resume));
  CHECK_FALSE(resumed.stopped);
  CHECK(bit_identical(resumed.vectors,
                      train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count())).vectors));
}

TEST_CASE("several threads: checkpoints pause and release every worker; a resumed run reads "
          "every word of the epochs left") {
  const TwoTopicCorpus corpus(2000, 12);
  TrainSettings settings = settings_for(Architecture::skipgram, "ns");
  settings.threads = 3;
  TrainResult result;
  const std::vector<TrainingCheckpoint> saved = checkpoints_of(corpus, settings, result);
  REQUIRE_FALSE(saved.empty());
  CHECK(result.epoch_average_losses.size() == 3);
  for (const TrainingCheckpoint& checkpoint : saved) CHECK(checkpoint.position.workers.size() == 3);

  TrainControl control;
  control.resume = saved[saved.size() / 2];
  std::vector<TrainProgress> reports;
  const TrainResult resumed =
      train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()),
                       [&](const TrainProgress& p) { reports.push_back(p); }, std::move(control));
  REQUIRE_FALSE(reports.empty());
  CHECK(reports.back().words_done == 3 * resumed.corpus_words);
  CHECK(reports.back().words_before == saved[saved.size() / 2].position.words_done);
  CHECK(resumed.vectors.allFinite());
  CHECK(resumed.epoch_average_losses.size() == 3);
}

TEST_CASE("a checkpoint that does not fit the run is refused") {
  const TwoTopicCorpus corpus(200);
  const TrainSettings settings =
      settings_for(Architecture::skipgram, "ns");
  TrainResult result;
  TrainControl first;
  first.poll_interval = std::chrono::milliseconds(1);
  std::optional<TrainingCheckpoint> saved;
  first.poll = [] { return CheckpointRequest::save_and_stop; };
  first.on_checkpoint = [&](const RunPosition& position, const ModelWeights& weights) {
    saved = TrainingCheckpoint{position, weights};
  };
  // Too fast a run may end before the first poll: make one by hand then.
  train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), {}, std::move(first));
  if (!saved) {
    saved.emplace();
    saved->position.words_per_epoch = 2000;
    saved->position.workers.emplace_back(1);
    saved->position.workers.back().epoch = 1;
    saved->weights.input = Matrix::Zero(22, 12);
    saved->weights.output = Matrix::Zero(20, 12);
  }
  const auto refuses = [&](TrainSettings other, const char* why) {
    TrainControl control;
    control.resume = *saved;
    CHECK_THROWS_WITH_AS(
        train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(other, corpus.vocabulary.word_count()), {}, std::move(control)),
        doctest::Contains(why), Error);
  };
  TrainSettings other = settings;
  other.output_dim = 13;
  refuses(other, "do not fit");
  other = settings;
  other.threads = 2;
  refuses(other, "threads");
}

TEST_CASE("initialize sees the random E and may overwrite rows; the draws after it are unchanged") {
  const TwoTopicCorpus corpus(100);
  TrainSettings settings = settings_for(Architecture::skipgram, "ns");
  settings.learning_rate = 1e-9f;  // E barely moves
  const WordId known = corpus.id("a3");
  TrainControl control;
  control.initialize = [&](Matrix& input) { input.row(known).setConstant(0.25f); };
  const TrainResult initialised =
      train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), {}, std::move(control));
  const TrainResult plain = train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()));
  CHECK((initialised.vectors.row(known).array() - 0.25f).abs().maxCoeff() < 1e-6f);
  const WordId other = corpus.id("b3");
  CHECK((initialised.vectors.row(other) - plain.vectors.row(other)).norm() < 1e-6f);
}

}  // namespace checkpoint_resume_test
}  // namespace embedtool
