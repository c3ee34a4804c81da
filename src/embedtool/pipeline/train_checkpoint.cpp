#include "embedtool/pipeline/train_checkpoint.h"

#include <optional>

#include "embedtool/errors.h"
#include "embedtool/storage/checkpoint_file.h"
#include "embedtool/training/heads/head_registry.h"

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

json settings_to_json(const TrainSettings& s) {
  return {{"architecture", name_of(s.architecture)},
          {"loss", s.loss},
          {"output_dim", s.output_dim},
          {"window", s.window},
          {"negatives", s.negatives},
          {"sample", s.sample},
          {"epochs", s.epochs},
          {"learning_rate", s.learning_rate.value_or(learning_rate_of(s))},
          {"threads", s.threads},
          {"seed", s.seed}};
}

template <typename T>
json optional_to_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// Reading: every access goes through these, so that a missing key or a value of the wrong
// type becomes one Error naming the key rather than an nlohmann exception.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  const json& at(const json& object, const char* key) const {
    if (!object.is_object() || !object.contains(key)) fail(std::string("no \"") + key + "\"");
    return object.at(key);
  }
  template <typename T>
  T get(const json& object, const char* key) const {
    const json& value = at(object, key);
    try {
      if constexpr (std::is_unsigned_v<T> && !std::is_same_v<T, bool>) {
        if (!value.is_number_unsigned()) fail(std::string("\"") + key + "\" is not a count");
      }
      return value.get<T>();
    } catch (const json::exception&) {
      fail(std::string("\"") + key + "\" has the wrong type");
    }
  }
  template <typename T>
  std::optional<T> get_optional(const json& object, const char* key) const {
    if (at(object, key).is_null()) return std::nullopt;
    return get<T>(object, key);
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw Error(path_ + " is not a usable checkpoint: " + why);
  }

 private:
  std::string path_;
};

template <typename Enum>
Enum enum_named(const Reader& reader, const std::string& name, std::initializer_list<Enum> values) {
  for (const Enum value : values)
    if (name_of(value) == name) return value;
  reader.fail("unknown setting \"" + name + "\"");
}

TrainSettings settings_from_json(const json& j, const Reader& r) {
  TrainSettings s;
  s.architecture = enum_named(r, r.get<std::string>(j, "architecture"),
                              {Architecture::skipgram, Architecture::cbow});
  s.loss = r.get<std::string>(j, "loss");
  if (find_head_kind(s.loss) == nullptr) r.fail("unknown setting \"" + s.loss + "\"");
  s.output_dim = r.get<std::size_t>(j, "output_dim");
  s.window = r.get<int>(j, "window");
  s.negatives = r.get<int>(j, "negatives");
  s.sample = r.get<double>(j, "sample");
  s.epochs = r.get<int>(j, "epochs");
  s.learning_rate = r.get<float>(j, "learning_rate");
  s.threads = r.get<int>(j, "threads");
  s.seed = r.get<std::uint64_t>(j, "seed");
  try {
    validate(s);
  } catch (const UsageError& error) {
    r.fail(std::string("bad settings (") + error.what() + ")");
  }
  return s;
}

TokenizerOptions tokenizer_from_json(const json& j, const Reader& r) {
  TokenizerOptions t;
  t.lowercase = r.get<bool>(j, "lowercase");
  t.filter_punctuation = r.get<bool>(j, "filter_punctuation");
  t.filters = r.get<std::string>(j, "filters");
  const std::string errors = r.get<std::string>(j, "unicode_errors");
  const auto mode = unicode_errors_from_name(errors);
  if (!mode) r.fail("unknown unicode_errors \"" + errors + "\"");
  t.unicode_errors = *mode;
  return t;
}

WorkerState worker_from_json(const json& j, const Reader& r, int epochs) {
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
        {"settings", settings_to_json(job.settings)}}},
      {"corpus",
       {{"size", corpus.size}, {"head_crc32", corpus.head_crc32}, {"tail_crc32", corpus.tail_crc32}}},
      {"run",
       {{"words_per_epoch", position.words_per_epoch},
        {"words_done", position.words_done},
        {"workers", workers}}},
  };
}

ResumePoint read_checkpoint(const std::string& path) {
  CheckpointFile file = load_checkpoint_file(path);
  const Reader r(path);
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

  const json& corpus = r.at(state, "corpus");
  point.corpus.size = r.get<std::uint64_t>(corpus, "size");
  point.corpus.head_crc32 = r.get<std::uint32_t>(corpus, "head_crc32");
  point.corpus.tail_crc32 = r.get<std::uint32_t>(corpus, "tail_crc32");

  const json& run = r.at(state, "run");
  RunPosition& position = point.checkpoint.position;
  position.words_per_epoch = r.get<std::uint64_t>(run, "words_per_epoch");
  position.words_done = r.get<std::uint64_t>(run, "words_done");
  const json& workers = r.at(run, "workers");
  if (!workers.is_array() ||
      workers.size() != static_cast<std::size_t>(point.job.settings.threads))
    r.fail("it does not hold one position per thread");
  for (const json& worker : workers)
    position.workers.push_back(worker_from_json(worker, r, point.job.settings.epochs));

  point.vocabulary = std::move(file.vocabulary);
  point.checkpoint.weights.input = std::move(file.input);
  point.checkpoint.weights.output = std::move(file.output);
  return point;
}

}  // namespace embedtool
