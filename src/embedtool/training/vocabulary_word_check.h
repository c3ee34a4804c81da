#pragma once
// Which ids of a sentence the trainer learns from: padding and unknown ids have no vector to
// learn and are skipped (as word2vec drops out-of-vocabulary words); an id with no row in E at
// all means the sentence source was built against another vocabulary, and is an error.
#include <cstdint>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

inline bool is_trained_word(WordId id, std::uint64_t input_dim, std::uint64_t sentence_number) {
  if (id < kFirstWordId) return false;
  if (static_cast<std::uint64_t>(id) >= input_dim) {
    throw Error("word id " + std::to_string(id) + " in sentence " +
                std::to_string(sentence_number) + " is outside the vocabulary (input_dim " +
                std::to_string(input_dim) + ")");
  }
  return true;
}

}  // namespace embedtool
