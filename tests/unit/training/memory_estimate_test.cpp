#include <doctest/doctest.h>

#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/memory_estimate.h"

using namespace embedtool;

namespace {
TrainSettings settings_with(const std::string& loss, std::size_t dim, int threads) {
  TrainSettings settings;
  settings.loss = loss;
  settings.output_dim = dim;
  settings.threads = threads;
  return settings;
}
}  // namespace

TEST_CASE("E and the head are counted row by row") {
  const MemoryEstimate ns =
      estimate_training_memory(1000, 5, settings_with("ns", 100, 1));
  CHECK(ns.embedding_bytes == 1002u * 100 * 4);  // the two reserved rows included
  CHECK(ns.head_bytes == 1000u * 100 * 4);       // a row per word
  const MemoryEstimate hs =
      estimate_training_memory(1000, 5, settings_with("hs", 100, 1));
  CHECK(hs.head_bytes == 999u * 100 * 4);  // a row per inner node of the Huffman tree
  CHECK(ns.total() ==
        ns.embedding_bytes + ns.head_bytes + ns.vocabulary_bytes + ns.thread_bytes);
}

TEST_CASE("long words and more threads cost more") {
  const TrainSettings one = settings_with("ns", 10, 1);
  const TrainSettings four = settings_with("ns", 10, 4);
  CHECK(estimate_training_memory(1000, 40, one).vocabulary_bytes >
        estimate_training_memory(1000, 8, one).vocabulary_bytes);
  // Past one thread, each also copies the head's 512 busiest rows twice (hot_rows.h).
  CHECK(estimate_training_memory(1000, 8, four).thread_bytes ==
        4 * (estimate_training_memory(1000, 8, one).thread_bytes + 2u * 512 * 10 * 4));
  CHECK(estimate_training_memory(100, 8, four).thread_bytes ==  // fewer rows than 512
        4 * (estimate_training_memory(100, 8, one).thread_bytes + 2u * 100 * 10 * 4));
  // The full softmax copies all of W, however many words there are.
  const TrainSettings softmax_one = settings_with("softmax", 10, 1);
  const TrainSettings softmax_two = settings_with("softmax", 10, 2);
  CHECK(estimate_training_memory(2000, 8, softmax_two).thread_bytes ==
        2 * (estimate_training_memory(2000, 8, softmax_one).thread_bytes + 2u * 2000 * 10 * 4));
}

TEST_CASE("sizes are printed in decimal units") {
  CHECK(byte_size_text(512) == "512 bytes");
  CHECK(byte_size_text(400'000'000) == "400 MB");
  CHECK(byte_size_text(1'500'000'000) == "1.5 GB");
  CHECK(byte_size_text(24'000'000'000) == "24 GB");
}

TEST_CASE("a limit below the estimate is an error with the figures") {
  // 10M words x 300 dims: E and the head are 12 GB each.
  const MemoryEstimate big =
      estimate_training_memory(10'000'000, 8, settings_with("ns", 300, 2));
  CHECK_NOTHROW(check_memory_limit(big, 0, "no limit"));
  CHECK_NOTHROW(check_memory_limit(big, big.total(), "exactly enough"));
  try {
    check_memory_limit(big, 8'000'000'000, "--max-memory 8 GB");
    FAIL("expected an error");
  } catch (const Error& error) {
    const std::string message = error.what();
    CHECK(message.find("E 12 GB") != std::string::npos);
    CHECK(message.find("head 12 GB") != std::string::npos);
    CHECK(message.find("--max-memory 8 GB") != std::string::npos);
  }
}

TEST_CASE("the machine's memory is known on Linux") { CHECK(physical_memory_bytes() > 0); }
