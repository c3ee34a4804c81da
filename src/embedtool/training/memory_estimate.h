#pragma once
// What a training run will hold in memory, known once the vocabulary is: E and the head's weights
// dominate; the per-word tables and the threads' buffers add a little. Computed before anything
// large is allocated, so that a run the machine cannot hold fails at once with the figures (as
// gensim's estimate_memory reports them) instead of being killed by the OS hours later.
#include <cstdint>
#include <optional>
#include <string>

#include "embedtool/training/train_settings.h"

namespace embedtool {

struct MemoryEstimate {
  std::uint64_t embedding_bytes = 0;   // E: input_dim x D floats
  std::uint64_t head_bytes = 0;        // a row per word (softmax, ns, ova) or per Huffman node (hs)
  std::uint64_t vocabulary_bytes = 0;  // the vocabulary and the trainer's per-word tables
  std::uint64_t thread_bytes = 0;      // each thread's buffers, all threads together
  // A copy of E and W kept while later epochs train (a classifier's best epoch, --validation);
  // the caller sets it.
  std::uint64_t kept_copy_bytes = 0;

  std::uint64_t total() const;
};

// `average_word_bytes`: the mean length of the vocabulary's words (long words live on the heap).
// settings.loss must be resolved (not automatic). `classes`: what the head predicts, a
// classifier's labels; the words when unset. A classifier's word n-gram buckets count in E.
MemoryEstimate estimate_training_memory(std::uint64_t word_count, double average_word_bytes,
                                        const TrainSettings& settings,
                                        std::optional<std::uint64_t> classes = std::nullopt);

// "1.2 GB (E 400 MB, head 400 MB, vocabulary 20 MB, threads 2 MB)"
std::string describe(const MemoryEstimate& estimate);

// "512 MB", "1.5 GB": decimal units, three significant digits at most.
std::string byte_size_text(std::uint64_t bytes);

// The machine's physical memory in bytes, or 0 when the system does not say.
std::uint64_t physical_memory_bytes();

// Throws Error naming the estimate, the limit and `limit_name` (e.g. "--max-memory 2 GB") when
// the estimate exceeds a non-zero limit.
void check_memory_limit(const MemoryEstimate& estimate, std::uint64_t limit_bytes,
                        const std::string& limit_name);

}  // namespace embedtool
