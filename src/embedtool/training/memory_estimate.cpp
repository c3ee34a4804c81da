#include "embedtool/training/memory_estimate.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "embedtool/errors.h"
#include "embedtool/model.h"
#include "embedtool/training/heads/head_registry.h"

namespace embedtool {
namespace {

// Per vocabulary word, besides its letters: the vocabulary's string and count and its hash-map
// node and bucket, the id table the corpus reader looks words up in, the Huffman path or the noise
// table's slot, the subsampling probability. Measured, not derived: training on 1M distinct
// 9-letter words peaked at 269 MB with D = 8 and 697 MB with D = 64, about 200 bytes per word
// beyond E and the head (the test e2e_train_memory keeps the estimate near the measured peak).
constexpr double kBytesPerWord = 200;
// A std::string keeps up to 15 bytes inside itself; longer words take a heap block.
constexpr double kInlineWordBytes = 15;
// Each thread: its read buffer (lines are read in blocks), a sentence, the step's vectors.
constexpr std::uint64_t kBytesPerThread = 4u << 20;

std::uint64_t float_matrix_bytes(std::uint64_t rows, std::uint64_t cols) {
  return rows * cols * sizeof(float);
}

}  // namespace

std::uint64_t MemoryEstimate::total() const {
  return embedding_bytes + head_bytes + vocabulary_bytes + thread_bytes + kept_copy_bytes;
}

MemoryEstimate estimate_training_memory(std::uint64_t word_count, double average_word_bytes,
                                        const TrainSettings& settings,
                                        std::optional<std::uint64_t> classes) {
  const std::uint64_t rows =
      word_count + kReservedIds + (settings.has_buckets() ? settings.buckets.value_or(0) : 0);
  const std::uint64_t dim = settings.output_dim.value();
  MemoryEstimate estimate;
  estimate.embedding_bytes = float_matrix_bytes(rows, dim);
  const HeadKind* head = find_head_kind(settings.loss);
  if (head == nullptr) throw std::logic_error("estimate_training_memory needs a resolved loss");
  const auto threads = settings.threads > 0 ? settings.threads : 1;
  const HeadShape shape = head->shape(classes.value_or(word_count), threads);
  estimate.head_bytes = float_matrix_bytes(shape.weight_rows, dim);
  const double heap_letters = average_word_bytes > kInlineWordBytes ? average_word_bytes : 0;
  double per_word = kBytesPerWord + heap_letters;
  // A subword model's input rows per word (word_subword_rows.h): its own and at most one per
  // n-gram length per character of "<word>".
  if (settings.has_char_ngrams())
    per_word += sizeof(std::int64_t) *
                (1 + (average_word_bytes + 2) * (settings.maxn - settings.minn + 1));
  estimate.vocabulary_bytes =
      static_cast<std::uint64_t>(static_cast<double>(word_count) * per_word);
  // Each thread's head: its scratch, and two copies of the hot rows (hot_rows.h).
  const std::uint64_t scratch = shape.scratch_floats * sizeof(float);
  const std::uint64_t hot_copies = 2 * float_matrix_bytes(shape.hot.count, dim);
  estimate.thread_bytes =
      static_cast<std::uint64_t>(threads) * (kBytesPerThread + scratch + hot_copies);
  return estimate;
}

std::string byte_size_text(std::uint64_t bytes) {
  static const char* const units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(units)) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  if (unit == 0) {
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(text, sizeof text, value < 10 ? "%.2g %s" : "%.0f %s", value, units[unit]);
  }
  return text;
}

std::string describe(const MemoryEstimate& estimate) {
  return byte_size_text(estimate.total()) + " (E " + byte_size_text(estimate.embedding_bytes) +
         ", head " + byte_size_text(estimate.head_bytes) + ", vocabulary " +
         byte_size_text(estimate.vocabulary_bytes) + ", threads " +
         byte_size_text(estimate.thread_bytes) +
         (estimate.kept_copy_bytes > 0
              ? ", best epoch's copy " + byte_size_text(estimate.kept_copy_bytes)
              : std::string()) +
         ")";
}

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

void check_memory_limit(const MemoryEstimate& estimate, std::uint64_t limit_bytes,
                        const std::string& limit_name) {
  if (limit_bytes == 0 || estimate.total() <= limit_bytes) return;
  throw Error("training would need about " + describe(estimate) + ", more than " + limit_name +
              "; try a smaller --output-dim, --input-dim or a larger --min-count");
}

}  // namespace embedtool
