#pragma once
// The vector file formats embedtool reads and writes, their names (--from/--to) and how a
// format is told from a file name.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

enum class VectorFormat {
  emb,              // embedtool's own model file (docs/FORMAT.md)
  word2vec_binary,  // "V D\n", then per row: word, space, D little-endian float32 [, "\n"]
  word2vec_text,    // "V D\n", then per row: word v1 ... vD (fastText's .vec is this)
  glove,            // word v1 ... vD per row, no header
  npy,              // numpy array (V, D) + a word list beside it
  projector,        // TensorBoard Embedding Projector: vectors.tsv + metadata.tsv
  fasttext,         // fastText's model (.bin): dictionary, word and n-gram rows (read only)
};

// "emb", "word2vec-binary", "word2vec-text", "glove", "npy", "projector", "fasttext".
std::string_view format_name(VectorFormat format);
std::optional<VectorFormat> format_from_name(std::string_view name);
// Every name, for help texts and errors: "emb, word2vec-binary, ...".
std::string format_names();

// The format a path's name stands for when reading:
//   .emb -> emb; .bin -> fasttext if it starts with fastText's magic number, else
//   word2vec-binary; .ftz -> fasttext; .npy -> npy; .tsv or a folder -> projector;
//   .vec and .txt -> word2vec-text or glove, told apart by the first line (a "V D" header or not).
// Another name is an .emb, .npy or fastText file if its first bytes are their magic. nullopt when nothing
// says ("-", or another file).
std::optional<VectorFormat> format_for_reading(const std::string& path);

// As format_for_reading, for a file about to be written: .vec -> word2vec-text, .txt -> glove
// (the extensions their own tools use), a path ending in "/" -> projector.
std::optional<VectorFormat> format_for_writing(const std::string& path);

// For .vec and .txt: word2vec-text if `first_line` is a "V D" header (two unsigned integers),
// else glove.
VectorFormat text_format_from_first_line(std::string_view first_line);

}  // namespace embedtool
