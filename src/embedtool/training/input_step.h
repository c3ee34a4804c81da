#pragma once
// The one SGD step of every model: inputs → h → head. A position's inputs are a list of rows of
// the input table E (skip-gram: the centre word; CBOW: the window's words; later a line's words
// or a word's character n-grams); h is their mean; the head predicts the targets from h; each
// input row then moves by −learning_rate · d(loss)/dh (fastText's Model::update has this shape).
//
// How far each input row moves is the model's choice (InputUpdate): the word models move each
// row by the whole gradient with respect to the mean, as word2vec's CBOW and gensim's
// cbow_mean=1 do (word2vec's default CBOW rate of 0.05 is tuned for that rule); a classifier
// moves each by its 1/k share, the true gradient of the mean, as fastText's supervised model
// does (its rates of 0.1 to 1 are tuned for that rule, and a line has tens of rows: with the
// whole gradient they would move tens of times too far). A row listed twice moves twice. With a
// single input both are skip-gram's step exactly: h is the row, and the row moves by
// −learning_rate · d(loss)/dh.
#include <cstdint>
#include <span>

#include "embedtool/model.h"
#include "embedtool/training/head.h"

namespace embedtool {

enum class InputUpdate {
  whole_gradient,  // each row by −lr · dL/dh (skip-gram, CBOW)
  mean_gradient,   // each row by −lr · dL/dh / k for k rows (supervised)
};

// A row of the input table (E, and later the tables appended below it).
using InputRow = std::int64_t;

// `inputs` holds at least one row. `h` and `grad_h` are scratch of output_dim floats; h is built
// as a private sum of the rows, since other threads may write them while the head reads h.
// Returns the head's summed loss over `targets`.
double input_step(Matrix& input, std::span<const InputRow> inputs,
                  std::span<const ClassId> targets, Head& head, float learning_rate,
                  std::span<float> h, std::span<float> grad_h,
                  InputUpdate update = InputUpdate::whole_gradient);

// h = the mean of the rows of `inputs` (at least one), as input_step forms it.
void mean_of_rows(const Matrix& input, std::span<const InputRow> inputs, std::span<float> h);

}  // namespace embedtool
