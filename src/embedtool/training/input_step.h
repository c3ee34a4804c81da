#pragma once
// The one SGD step of every model: inputs → h → head. A position's inputs are a list of rows of
// the input table E (skip-gram: the centre word; CBOW: the window's words; later a line's words
// or a word's character n-grams); h is their mean; the head predicts the targets from h; each
// input row then moves by −learning_rate · d(loss)/dh (fastText's Model::update has this shape).
//
// Each input row moves by the whole gradient with respect to the mean, not by its 1/k share of
// it, as word2vec's CBOW and gensim's cbow_mean=1 do: word2vec's default CBOW rate of 0.05 is
// tuned for that rule. A row listed twice moves twice. With a single input this is skip-gram's
// step exactly: h is the row, and the row moves by −learning_rate · d(loss)/dh.
#include <cstdint>
#include <span>

#include "embedtool/model.h"
#include "embedtool/training/head.h"

namespace embedtool {

// A row of the input table (E, and later the tables appended below it).
using InputRow = std::int64_t;

// `inputs` holds at least one row. `h` and `grad_h` are scratch of output_dim floats; h is built
// as a private sum of the rows, since other threads may write them while the head reads h.
// Returns the head's summed loss over `targets`.
double input_step(Matrix& input, std::span<const InputRow> inputs,
                  std::span<const ClassId> targets, Head& head, float learning_rate,
                  std::span<float> h, std::span<float> grad_h);

// h = the mean of the rows of `inputs` (at least one), as input_step forms it.
void mean_of_rows(const Matrix& input, std::span<const InputRow> inputs, std::span<float> h);

}  // namespace embedtool
