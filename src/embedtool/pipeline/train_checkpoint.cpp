#include "embedtool/pipeline/train_checkpoint.h"

#include <optional>

#include "embedtool/errors.h"
#include "embedtool/pipeline/json_reader.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/storage/checkpoint_file.h"

namespace embedtool {
namespace {

using nlohmann::json;

// Names the file format and its state's layout; a reader refuses any other.
constexpr const char* kStateKind = "embedtool training checkpoint";
constexpr int kStateVersion = 1;

json position_to_json(const SourcePosition& position) {
  return {{"offset", position.offset},
          {"line", position.line},
          {"sentences_into_line", position.sentences_into_line}};
}

json worker_to_json(const WorkerState& worker) {
  const Random::State& random = worker.random.state();
  return {{"random", json::array({random[0], random[1], random[2], random[3]})},
          {"epoch", worker.epoch},
          {"sentences_done", worker.sentences_done},
          {"position", position_to_json(worker.position)},
          {"loss_total", worker.loss_total},
          {"predictions_total", worker.predictions_total},
          {"epoch_loss_start", worker.epoch_loss_start},
          {"epoch_predictions_start", worker.epoch_predictions_start},
          {"epoch_losses", worker.epoch_losses},
          {"epoch_predictions", worker.epoch_predictions}};
}

template <typename T>
json optional_to_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}


WorkerState worker_from_json(const json& j, const JsonReader& r, int epochs) {
  WorkerState worker(0);
  const json& random = r.at(j, "random");
  Random::State state{};
  if (!random.is_array() || random.size() != state.size()) r.fail("\"random\" is not 4 numbers");
  for (std::size_t i = 0; i < state.size(); ++i) {
    if (!random[i].is_number_unsigned()) r.fail("\"random\" is not 4 numbers");
    state[i] = random[i].get<std::uint64_t>();
  }
  if (!Random::valid_state(state)) r.fail("\"random\" is all zero");
  worker.random.set_state(state);
  worker.epoch = r.get<int>(j, "epoch");
  worker.sentences_done = r.get<std::uint64_t>(j, "sentences_done");
  const json& position = r.at(j, "position");
  worker.position.offset = r.get<std::uint64_t>(position, "offset");
  worker.position.line = r.get<std::uint64_t>(position, "line");
  worker.position.sentences_into_line = r.get<std::uint64_t>(position, "sentences_into_line");
  worker.loss_total = r.get<double>(j, "loss_total");
  worker.predictions_total = r.get<std::uint64_t>(j, "predictions_total");
  worker.epoch_loss_start = r.get<double>(j, "epoch_loss_start");
  worker.epoch_predictions_start = r.get<std::uint64_t>(j, "epoch_predictions_start");
  worker.epoch_losses = r.get<std::vector<double>>(j, "epoch_losses");
  worker.epoch_predictions = r.get<std::vector<std::uint64_t>>(j, "epoch_predictions");
  // A thread is inside the epoch after those it finished, or has finished them all.
  const auto finished = static_cast<long long>(worker.epoch_losses.size());
  const bool inside = finished + 1 == worker.epoch && worker.epoch <= epochs;
  const bool done = finished == epochs && worker.epoch == epochs;
  if (!(inside || done) || worker.epoch_predictions.size() != worker.epoch_losses.size())
    r.fail("a thread's epoch does not fit the run's " + std::to_string(epochs));
  return worker;
}

}  // namespace

nlohmann::json checkpoint_state(const TrainJob& job, const CorpusFingerprint& corpus,
                                const RunPosition& position) {
  json workers = json::array();
  for (const WorkerState& worker : position.workers) workers.push_back(worker_to_json(worker));
  return {
      {"kind", kStateKind},
      {"version", kStateVersion},
      {"tool_version", EMBEDTOOL_VERSION},
      {"job",
       {{"corpus", job.corpus_name.value_or(job.corpus_path)},
        {"vocabulary_file", optional_to_json(job.vocabulary_path)},
        {"min_count", job.vocabulary.min_count},
        {"input_dim", optional_to_json(job.vocabulary.input_dim)},
        {"tokenizer", tokenizer_to_json(job.tokenizer)},
        {"init", optional_to_json(job.init_path)},
        {"settings", settings_to_json(job.settings)},
        {"label_prefix", job.label_prefix},
        {"validation", optional_to_json(job.validation_path)}}},
      {"corpus",
       {{"size", corpus.size}, {"head_crc32", corpus.head_crc32}, {"tail_crc32", corpus.tail_crc32}}},
      {"run",
       {{"ranks", job.ranks ? job.ranks->size() : 1},
        {"words_per_epoch", position.words_per_epoch},
        {"words_done", position.words_done},
        {"workers", workers}}},
  };
}

void merge_rank_states(RankGroup& ranks, nlohmann::json& state) {
  json& workers = state.at("run").at("workers");
  if (ranks.rank() != 0) {
    ranks.gather_each(workers.dump(), 0, {});
    return;
  }
  json all = json::array();
  ranks.gather_each(workers.dump(), 0, [&all](int, std::string_view bytes) {
    for (json& worker : json::parse(bytes)) all.push_back(std::move(worker));
  });
  workers = std::move(all);
}

ResumePoint read_checkpoint(const std::string& path) {
  CheckpointFile file = load_checkpoint_file(path);
  const JsonReader r(path + " is not a usable checkpoint: ");
  const json& state = file.state;
  if (!state.contains("kind") || state["kind"] != kStateKind)
    r.fail("its state is not a training checkpoint's");
  if (r.get<int>(state, "version") != kStateVersion)
    r.fail("state version " + std::to_string(r.get<int>(state, "version")) +
           ", this embedtool reads " + std::to_string(kStateVersion));

  ResumePoint point;
  point.checkpoint_path = path;
  const json& job = r.at(state, "job");
  point.job.corpus_path = r.get<std::string>(job, "corpus");
  point.job.vocabulary_path = r.get_optional<std::string>(job, "vocabulary_file");
  point.job.vocabulary.min_count = r.get<std::uint64_t>(job, "min_count");
  point.job.vocabulary.input_dim = r.get_optional<std::uint64_t>(job, "input_dim");
  point.job.tokenizer = tokenizer_from_json(r.at(job, "tokenizer"), r);
  point.job.init_path = r.get_optional<std::string>(job, "init");
  point.job.settings = settings_from_json(r.at(job, "settings"), r);
  point.job.label_prefix = r.get_or<std::string>(job, "label_prefix", point.job.label_prefix);
  if (job.contains("validation"))
    point.job.validation_path = r.get_optional<std::string>(job, "validation");

  const json& corpus = r.at(state, "corpus");
  point.corpus.size = r.get<std::uint64_t>(corpus, "size");
  point.corpus.head_crc32 = r.get<std::uint32_t>(corpus, "head_crc32");
  point.corpus.tail_crc32 = r.get<std::uint32_t>(corpus, "tail_crc32");

  const json& run = r.at(state, "run");
  RunPosition& position = point.checkpoint.position;
  position.words_per_epoch = r.get<std::uint64_t>(run, "words_per_epoch");
  position.words_done = r.get<std::uint64_t>(run, "words_done");
  point.ranks = r.get_or<int>(run, "ranks", 1);  // files from before MPI: one process
  if (point.ranks < 1) r.fail("\"ranks\" is not a positive number");
  const json& workers = r.at(run, "workers");
  if (!workers.is_array() ||
      workers.size() != static_cast<std::size_t>(point.job.settings.threads) *
                            static_cast<std::size_t>(point.ranks))
    r.fail("it does not hold one position per thread");
  for (const json& worker : workers)
    position.workers.push_back(worker_from_json(worker, r, *point.job.settings.epochs));

  point.vocabulary = std::move(file.vocabulary);
  point.checkpoint.weights.input = std::move(file.input);
  point.checkpoint.weights.output = std::move(file.output);
  return point;
}

}  // namespace embedtool
