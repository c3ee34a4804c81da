#pragma once
// The one way to write vectors in any format: what `convert` calls (and `train -o` through
// save_model for .emb). Every file is written atomically (atomic_file.h); formats made of two
// files (npy + word list, projector vectors + metadata) write each atomically, the word list
// first, so the array never appears without its words.
#include <optional>
#include <string>

#include "embedtool/formats/vector_format.h"
#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"

namespace embedtool {

struct SaveOptions {
  // Taken from the path when unset (vector_format.h).
  std::optional<VectorFormat> format;
  // float16 halves emb and npy files; the other formats store float32 (or text) only.
  Dtype dtype = Dtype::float32;
};

// The format `path` is written as, and whether `options` suit it. Throws UsageError if the
// format is unknown, "-" is given for a two-file format, or float16 for a float32-only format.
VectorFormat format_to_write(const std::string& path, const SaveOptions& options);

// format_to_write, and that the output's folder exists and is writable: what can be checked
// before an input is read. Throws UsageError or Error.
void check_can_save(const std::string& path, const SaveOptions& options);

// What a file of `format` cannot hold of `model`, beyond the words and their vectors: the head,
// the labels and the bucket rows, which only .emb stores. A phrase for a one-line notice ("the
// softmax head (4 x 100), 3 labels and the word-ngrams bucket rows (5 x 100)"), or "" if
// nothing is lost. (Counts and metadata, which most formats drop too, are not named: every
// conversion to them loses those, as docs/FORMAT.md says.)
std::string parts_not_saved(const EmbeddingModel& model, VectorFormat format);

// "-" writes to standard output (emb, word2vec-binary, word2vec-text, glove). Throws Error if a
// word cannot be written in the format (word_rules.h) or a value does not fit the dtype; the
// target is then left as it was.
void save_vectors(const EmbeddingModel& model, const std::string& path, const SaveOptions& options = {});

}  // namespace embedtool
