// TrainControl::on_epoch_end: the training threads meet at every epoch end, the callback sees the
// weights of that moment, and the epoch it chooses is the result. Meeting must change nothing
// else, and must not deadlock with checkpoints, stops or a failing callback.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "embedtool/training/trainer.h"
#include "labelled_corpus.h"
#include "resolved_settings.h"

namespace embedtool {
namespace epoch_end_test {

using test::LabelledCorpus;
using test::LabelledLine;

struct SmallTask {
  Vocabulary vocabulary;
  LabelSet labels;
  std::vector<LabelledLine> lines;
  SmallTask() {
    for (const char* word : {"w2", "w3", "w4", "w5"}) vocabulary.add(word, 10);
    labels.add("__label__a", 10);
    labels.add("__label__b", 10);
    for (int i = 0; i < 40; ++i) {
      lines.push_back({{2, 4}, {0}});
      lines.push_back({{3, 5}, {1}});
    }
  }
};

TrainSettings settings_for(int threads, int epochs) {
  TrainSettings settings;
  settings.architecture = Architecture::supervised;
  settings.loss = "softmax";
  settings.output_dim = 4;
  settings.epochs = epochs;
  settings.learning_rate = 0.5f;
  settings.word_ngrams = 1;
  settings.threads = threads;
  settings.seed = 7;
  return resolved(settings, 2);
}

bool same(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

TEST_CASE("on_epoch_end sees every epoch in order, and the epoch it chooses is the result") {
  const SmallTask task;
  for (const int threads : {1, 2}) {
    CAPTURE(threads);
    std::vector<int> seen;
    Matrix at_epoch_3;
    TrainControl control;
    control.on_epoch_end = [&](int epoch, ModelWeights& weights) {
      seen.push_back(epoch);
      if (epoch == 3) at_epoch_3 = weights.input;
      return epoch == 3;
    };
    const TrainResult result =
        train_classifier(task.vocabulary, task.labels, LabelledCorpus(task.lines),
                         settings_for(threads, 6), {}, std::move(control));
    CHECK(seen == std::vector<int>{1, 2, 3, 4, 5, 6});
    CHECK(result.epoch == 3);
    CHECK(same(result.vectors, at_epoch_3));
    CHECK(result.final_average_loss == result.epoch_average_losses.at(2));
    CHECK(result.epoch_average_losses.size() == 6);
  }
}

TEST_CASE("meeting at epoch ends changes nothing in a one-thread run") {
  const SmallTask task;
  const TrainResult plain = train_classifier(task.vocabulary, task.labels,
                                             LabelledCorpus(task.lines), settings_for(1, 5));
  TrainControl control;
  int calls = 0;
  control.on_epoch_end = [&](int, ModelWeights&) { return ++calls % 2 == 1; };  // 1, 3, 5
  const TrainResult met = train_classifier(task.vocabulary, task.labels,
                                           LabelledCorpus(task.lines), settings_for(1, 5), {},
                                           std::move(control));
  CHECK(met.epoch == 5);
  CHECK(same(plain.vectors, met.vectors));
  CHECK(same(plain.head_weights, met.head_weights));
}

TEST_CASE("checkpoints are taken while threads meet, and a run resumed from one meets on") {
  const SmallTask task;
  const TrainSettings settings = settings_for(2, 30);
  std::optional<TrainingCheckpoint> last;
  std::atomic<int> checkpoints{0};
  TrainControl control;
  control.poll_interval = std::chrono::milliseconds(1);
  control.poll = [&] {
    return checkpoints.load() < 20 ? CheckpointRequest::save : CheckpointRequest::save_and_stop;
  };
  control.on_checkpoint = [&](const RunPosition& position, const ModelWeights& weights) {
    last = TrainingCheckpoint{position, weights};
    ++checkpoints;
  };
  // Slow meetings, so that many checkpoints fall inside one.
  control.on_epoch_end = [](int, ModelWeights&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return false;
  };
  const TrainResult stopped = train_classifier(task.vocabulary, task.labels,
                                               LabelledCorpus(task.lines), settings, {},
                                               std::move(control));
  if (!stopped.stopped) {
    MESSAGE("the run ended before its stop was asked for: nothing to resume");
    return;
  }
  REQUIRE(last);
  std::vector<int> seen;
  TrainControl resume;
  resume.resume = std::move(last);
  resume.on_epoch_end = [&](int epoch, ModelWeights&) {
    seen.push_back(epoch);
    return true;
  };
  const TrainResult resumed = train_classifier(task.vocabulary, task.labels,
                                               LabelledCorpus(task.lines), settings, {},
                                               std::move(resume));
  CHECK_FALSE(resumed.stopped);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back() == 30);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] == seen[i - 1] + 1);
  CHECK(resumed.epoch == 30);
}

TEST_CASE("a callback that throws fails the run; no thread is left waiting") {
  const SmallTask task;
  TrainControl control;
  control.on_epoch_end = [](int epoch, ModelWeights&) -> bool {
    if (epoch == 2) throw std::runtime_error("scoring failed");
    return false;
  };
  CHECK_THROWS_WITH_AS(train_classifier(task.vocabulary, task.labels, LabelledCorpus(task.lines),
                                        settings_for(2, 5), {}, std::move(control)),
                       "scoring failed", std::runtime_error);
}

}  // namespace epoch_end_test
}  // namespace embedtool
