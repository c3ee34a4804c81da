#pragma once
// E as a numpy array: `numpy.load("E.npy")` gives the (rows, dims) matrix, and the word list
// beside it names the rows, one word per line, in row order ("E.npy" -> "E.vocab.txt").
//
// Writing keeps the reserved rows: row 0 is <pad>, row 1 <unk> (and the word list starts with
// those two names), so ids from `embedtool pad` index the array directly, as a Keras
// Embedding(input_dim, output_dim, weights=[E]) layer expects. dtype float32 ('<f4') or
// float16 ('<f2'); C order; the data starts at a multiple of 64 bytes.
//
// Reading takes arrays of '<f4', '<f2' or '<f8' (and big-endian '>...'), C or Fortran order,
// 2-D, and a word list with either one line per row, or two lines fewer, when rows 0 and 1 are
// the reserved rows of a Keras-style array (the list `embedtool vocab` prints is such a list:
// its "word<TAB>count" lines keep their counts). Every size is checked against the file first.
#include <cstddef>
#include <span>
#include <string>

#include "embedtool/formats/foreign_options.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"

namespace embedtool {

// "E.npy" -> "E.vocab.txt"; another name gets ".vocab.txt" appended.
std::string npy_word_list_path(const std::string& npy_path);

EmbeddingModel read_npy_vectors(std::span<const std::byte> bytes, const std::string& source_name,
                                const std::string& word_list_path, const ForeignReadOptions& options);

// Throws Error (before writing) if a value does not fit `dtype` or a word cannot be a line.
void write_npy_vectors(const EmbeddingModel& model, Dtype dtype, OutputFile& array,
                       OutputFile& word_list);

}  // namespace embedtool
