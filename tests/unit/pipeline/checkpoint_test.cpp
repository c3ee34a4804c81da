// Checkpoint files and resuming a `train` job from one: the file keeps every bit, refuses
// damage and other files, and a job resumed from it writes the model the uninterrupted job does.
#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/pipeline/train_checkpoint.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/storage/checkpoint_file.h"
#include "embedtool/storage/emb_format.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

std::string corpus_text(int repeats) {
  std::string text;
  for (int i = 0; i < repeats; ++i)
    text += "the cat sat on the mat with a hat\nthe dog lay on the log in the fog\n";
  return text;
}

TrainJob small_job(const std::string& path) {
  TrainJob job;
  job.corpus_path = path;
  job.settings.output_dim = 8;
  job.settings.epochs = 3;
  job.settings.threads = 1;
  job.settings.loss = "ns";
  return job;
}

void flip_byte(const std::string& path, std::uint64_t offset) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  file.read(&byte, 1);
  file.seekp(static_cast<std::streamoff>(offset));
  byte = static_cast<char>(byte ^ 0x40);
  file.write(&byte, 1);
}

TEST_CASE("a checkpoint file gives back its state, vocabulary and weights bit for bit") {
  const TempTextFile folder("");
  Vocabulary vocabulary;
  vocabulary.add("alpha", 3);
  vocabulary.add("beta", 1);
  Matrix input = Matrix::Random(4, 3);
  input(2, 1) = -0.0f;
  input(3, 2) = 1e-42f;  // a denormal
  const Matrix output = Matrix::Random(5, 3);
  const nlohmann::json state = {{"kind", "test"}, {"big", 18446744073709551615ull}};
  const std::string path = folder.beside("run.ckpt");
  save_checkpoint_file(path, state, vocabulary, input, output);

  const CheckpointFile loaded = load_checkpoint_file(path);
  CHECK(loaded.state == state);
  CHECK(loaded.vocabulary.word_count() == 2);
  CHECK(loaded.vocabulary.word(3) == "beta");
  CHECK(loaded.vocabulary.count(2) == 3);
  REQUIRE(loaded.input.rows() == 4);
  REQUIRE(loaded.output.rows() == 5);
  CHECK(std::memcmp(loaded.input.data(), input.data(), sizeof(float) * 12) == 0);
  CHECK(std::memcmp(loaded.output.data(), output.data(), sizeof(float) * 15) == 0);

  // Any flipped byte is caught: the header's sizes, or the checksum over everything.
  const auto size = std::filesystem::file_size(path);
  for (const std::uint64_t offset : {std::uint64_t{20}, std::uint64_t{60}, size / 2, size - 1}) {
    CAPTURE(offset);
    const std::string damaged = folder.beside("damaged.ckpt");
    std::filesystem::copy_file(path, damaged, std::filesystem::copy_options::overwrite_existing);
    flip_byte(damaged, offset);
    CHECK_THROWS_WITH_AS(load_checkpoint_file(damaged), doctest::Contains("not a usable checkpoint"),
                         Error);
  }
  std::filesystem::resize_file(path, size - 3);
  CHECK_THROWS_WITH_AS(load_checkpoint_file(path), doctest::Contains("truncated"), Error);
}

TEST_CASE("a model file, or a checkpoint whose state is not a training run's, is refused") {
  const TempTextFile folder("");
  EmbeddingModel model;
  model.vocabulary.add("word", 1);
  model.vectors = Matrix::Zero(3, 2);
  const std::string model_path = folder.beside("model.emb");
  save_model(model, model_path);
  CHECK_THROWS_WITH_AS(read_checkpoint(model_path), doctest::Contains("does not start as a checkpoint"),
                       Error);
  const std::string other = folder.beside("other.ckpt");
  save_checkpoint_file(other, {{"kind", "something else"}}, model.vocabulary, model.vectors,
                       model.vectors);
  CHECK_THROWS_WITH_AS(read_checkpoint(other), doctest::Contains("not a training checkpoint"), Error);
  CHECK_THROWS_WITH_AS(read_checkpoint(folder.beside("missing.ckpt")), doctest::Contains("cannot open"),
                       Error);
}

TEST_CASE("train_model: stopped at a checkpoint, then resumed, writes the uninterrupted model") {
  const TempTextFile corpus(corpus_text(3000));
  const TrainJob job = small_job(corpus.path());
  const std::vector<std::byte> uninterrupted = serialize_model(train_model(job));

  CheckpointPlan plan;
  plan.path = corpus.beside("run.ckpt");
  plan.poll_interval = std::chrono::milliseconds(1);
  plan.stop_requested = [] { return true; };
  int written = 0;
  plan.on_written = [&] { ++written; };
  std::optional<std::string> stopped_at;
  try {
    train_model(job, {}, {}, &plan);
  } catch (const TrainingStopped& stopped) {
    stopped_at = stopped.checkpoint_path();
  }
  if (!stopped_at) {
    MESSAGE("training ended before the first poll; nothing to resume");
    return;
  }
  CHECK(*stopped_at == plan.path);
  CHECK(written == 1);

  ResumePoint resume = read_checkpoint(plan.path);
  CHECK(resume.job.corpus_path == corpus.path());
  CHECK(resume.job.settings.learning_rate == 0.025f);  // resolved when the run started
  CHECK(resume.job.settings.epochs == 3);
  TrainJob resumed_job = resume.job;
  resumed_job.corpus_path = corpus.path();
  const EmbeddingModel resumed = train_model(resumed_job, {}, {}, nullptr, &resume);
  CHECK(serialize_model(resumed) == uninterrupted);
}

TEST_CASE("train_model refuses to resume on another corpus") {
  const TempTextFile corpus(corpus_text(3000));
  const TrainJob job = small_job(corpus.path());
  CheckpointPlan plan;
  plan.path = corpus.beside("run.ckpt");
  plan.poll_interval = std::chrono::milliseconds(1);
  plan.stop_requested = [] { return true; };
  try {
    train_model(job, {}, {}, &plan);
  } catch (const TrainingStopped&) {
  }
  if (!std::filesystem::exists(plan.path)) return;
  ResumePoint resume = read_checkpoint(plan.path);
  TrainJob other_job = resume.job;
  other_job.corpus_path = corpus.beside("other.txt");
  std::ofstream(other_job.corpus_path) << corpus_text(2999);
  CHECK_THROWS_WITH_AS(train_model(other_job, {}, {}, nullptr, &resume),
                       doctest::Contains("is not the corpus the checkpoint"), Error);
}

}  // namespace
}  // namespace embedtool
