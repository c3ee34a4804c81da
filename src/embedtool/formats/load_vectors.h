#pragma once
// The one way to read vectors in any format: what `lookup`, `convert`, `info`, `eval` and
// `train --init` call.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "embedtool/formats/vector_format.h"
#include "embedtool/model.h"
#include "embedtool/storage/vector_table.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

struct LoadOptions {
  // Taken from the path when unset (vector_format.h: .emb, .bin, .vec/.txt, .npy, .tsv, folder).
  std::optional<VectorFormat> format;
  // Only the first N words (after <pad> and <unk>); the rest of the file is not read.
  std::optional<std::uint64_t> limit;
  // npy: the word list (default: "E.vocab.txt" beside "E.npy"); projector: the metadata file
  // (default: see projector_files.h). Other formats take none.
  std::optional<std::string> vocab_path;
  // Words of foreign files that are not valid UTF-8 (word_text.h). .emb words always are.
  UnicodeErrors unicode_errors = UnicodeErrors::strict;
};

// The format `path` is read as. Throws UsageError if neither `options.format` nor the path says,
// or if --vocab is given for a format that takes none.
VectorFormat format_to_read(const std::string& path, const LoadOptions& options);

// The whole model in memory. An .emb file is verified completely (every checksum) unless a
// limit is given: then only its first rows are read, and checked as they are read. Throws Error
// naming the file (and line or byte) for anything unreadable.
EmbeddingModel load_vectors(const std::string& path, const LoadOptions& options = {});

// For a few lookups: an .emb file is mapped and read row by row as asked (mapped_model.h says
// what is checked), a fastText .bin too (fasttext_model.h: a word's vector is computed from its
// rows when asked, and unknown words have subword vectors); any other format is loaded as
// load_vectors does.
std::unique_ptr<VectorTable> open_vectors(const std::string& path, const LoadOptions& options = {});

// For queries that compare with every row (--nearest) but may also ask for words the model
// lacks: the model's words (vocabulary, E, metadata) in memory, and, for a model with character
// n-gram rows (an .emb subword model, a fastText .bin), the mapped table that gives those words
// their subword vectors (null for every other model). The n-gram rows stay in the mapping only:
// model.buckets is unset for such a model.
struct VectorsWithSubwords {
  EmbeddingModel model;
  std::unique_ptr<VectorTable> subwords;
};
VectorsWithSubwords load_vectors_with_subwords(const std::string& path, const LoadOptions& options = {});

}  // namespace embedtool
