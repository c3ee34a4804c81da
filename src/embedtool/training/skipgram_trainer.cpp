#include "embedtool/training/skipgram_trainer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/learning_rate.h"
#include "embedtool/training/number_text.h"
#include "embedtool/training/progress_reporter.h"
#include "embedtool/training/random.h"
#include "embedtool/training/softmax_head.h"

namespace embedtool {
namespace {

// The sentence without padding and unknown ids, which have no vector to learn; throws on ids
// that have no row in E at all (a sentence source built against another vocabulary).
void keep_vocabulary_words(const Sequence& sentence, std::size_t input_dim,
                           std::uint64_t sentence_number, Sequence& words) {
  words.clear();
  for (const WordId id : sentence) {
    if (id < kFirstWordId) continue;
    if (static_cast<std::uint64_t>(id) >= input_dim)
      throw Error("word id " + std::to_string(id) + " in sentence " +
                  std::to_string(sentence_number) + " is outside the vocabulary (input_dim " +
                  std::to_string(input_dim) + ")");
    words.push_back(id);
  }
}

// A first pass over the corpus, so that the learning rate can decay by the share of the run
// done and progress can show a total. Streaming sources stay streaming: nothing is kept.
std::uint64_t count_vocabulary_words(SentenceSource& corpus, std::size_t input_dim) {
  corpus.rewind();
  Sequence sentence;
  Sequence words;
  std::uint64_t count = 0;
  std::uint64_t sentence_number = 0;
  while (corpus.next(sentence)) {
    keep_vocabulary_words(sentence, input_dim, ++sentence_number, words);
    count += words.size();
  }
  return count;
}

// word2vec's initialisation: small enough that the first scores are near zero, asymmetric
// enough that words start apart. Rows of the reserved ids stay zero; they are never trained.
Matrix initial_vectors(std::size_t input_dim, std::size_t dim, Random& random) {
  Matrix vectors =
      Matrix::Zero(static_cast<Eigen::Index>(input_dim), static_cast<Eigen::Index>(dim));
  const float scale = 1.0f / static_cast<float>(dim);
  for (Eigen::Index row = kFirstWordId; row < vectors.rows(); ++row)
    for (Eigen::Index col = 0; col < vectors.cols(); ++col)
      vectors(row, col) = (random.next_unit_float() - 0.5f) * scale;
  return vectors;
}

[[noreturn]] void throw_diverged(double loss, int epoch, float learning_rate) {
  throw Error(std::string("training diverged (loss is ") + (std::isnan(loss) ? "nan" : "inf") +
              " at epoch " + std::to_string(epoch) + ", learning rate " +
              number_text(learning_rate) + "); try a smaller --lr");
}

}  // namespace

TrainResult train_skipgram(const Vocabulary& vocabulary, SentenceSource& corpus,
                           const TrainSettings& settings, const ProgressCallback& on_progress) {
  validate(settings);
  const std::size_t input_dim = vocabulary.input_dim();
  const std::size_t dim = settings.output_dim;

  const std::uint64_t corpus_words = count_vocabulary_words(corpus, input_dim);
  if (corpus_words == 0)
    throw Error("the corpus has no words in the vocabulary; nothing to train on");
  const std::uint64_t words_total = corpus_words * static_cast<std::uint64_t>(settings.epochs);

  Random random(settings.seed);
  TrainResult result;
  result.vectors = initial_vectors(input_dim, dim, random);
  result.corpus_words = corpus_words;
  Matrix& vectors = result.vectors;

  // The head's classes are the words only (id - kFirstWordId): padding and unknown are never
  // predicted, so the softmax spends no probability on them.
  SoftmaxHead head(vocabulary.word_count(), dim);
  const LinearDecay learning_rate(settings.learning_rate, words_total);
  ProgressReporter reporter(on_progress, words_total);

  // Buffers reused by every step: the loop below allocates only when a sentence is longer than
  // any before it.
  const auto window = static_cast<std::size_t>(settings.window);
  Sequence sentence;
  Sequence words;
  std::vector<WordId> targets;
  targets.reserve(2 * window);
  Eigen::VectorXf grad_h(static_cast<Eigen::Index>(dim));

  std::uint64_t words_done = 0;
  float rate = settings.learning_rate;
  for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
    double epoch_loss = 0;
    std::uint64_t epoch_pairs = 0;
    std::uint64_t sentence_number = 0;
    corpus.rewind();
    while (corpus.next(sentence)) {
      keep_vocabulary_words(sentence, input_dim, ++sentence_number, words);
      const std::size_t length = words.size();
      for (std::size_t centre = 0; centre < length; ++centre) {
        // As word2vec: the effective window is drawn per centre word, so near neighbours are
        // targets more often than far ones.
        const std::size_t reach = 1 + random.next_below(window);
        const std::size_t first = centre >= reach ? centre - reach : 0;
        const std::size_t last = std::min(length - 1, centre + reach);
        targets.clear();
        for (std::size_t position = first; position <= last; ++position)
          if (position != centre) targets.push_back(words[position] - kFirstWordId);

        rate = learning_rate.at(words_done);
        float* h = vectors.row(words[centre]).data();
        const double loss = head.train_step({h, dim}, targets, rate, {grad_h.data(), dim});
        if (!std::isfinite(loss)) throw_diverged(loss, epoch, settings.learning_rate);
        Eigen::Map<Eigen::VectorXf>(h, static_cast<Eigen::Index>(dim)) -= rate * grad_h;

        epoch_loss += loss;
        epoch_pairs += targets.size();
        reporter.record(loss, targets.size());
        reporter.tick(++words_done, epoch, rate);
      }
    }
    result.epoch_average_losses.push_back(
        epoch_pairs ? epoch_loss / static_cast<double>(epoch_pairs) : 0);
  }
  reporter.finish(words_done, settings.epochs, rate);
  result.final_average_loss = result.epoch_average_losses.back();
  result.seconds = reporter.elapsed_seconds();
  return result;
}

}  // namespace embedtool
