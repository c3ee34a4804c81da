#pragma once
// The SGD step of each architecture for one position of a sentence, given its window: what h is,
// which classes the head predicts, and where the gradient goes back to in E.
#include <span>

#include "embedtool/model.h"
#include "embedtool/training/head.h"

namespace embedtool {

// Skip-gram: h = E[centre] predicts every class in `context_classes` in one head step (the head
// sums the per-class losses), then E[centre] -= learning_rate * d(loss)/dh. `h` and `grad_h`
// are scratch of output_dim floats; h gets a private copy of the row, since other threads may
// write it while the head reads it. Returns the summed loss.
double skipgram_step(Matrix& input, WordId centre, std::span<const WordId> context_classes,
                     Head& head, float learning_rate, std::span<float> h, std::span<float> grad_h);

// CBOW: h = the average of the rows of `context` (word ids, at least one) predicts the class
// `centre_class`. As in word2vec (and gensim with cbow_mean=1), each context row then moves by
// the whole gradient with respect to the average, -learning_rate * d(loss)/dh, not by its 1/k
// share of it: word2vec's default CBOW rate of 0.05 is tuned for that rule. A word twice in the
// window moves twice. Returns the loss.
double cbow_step(Matrix& input, std::span<const WordId> context, WordId centre_class, Head& head,
                 float learning_rate, std::span<float> h, std::span<float> grad_h);

}  // namespace embedtool
