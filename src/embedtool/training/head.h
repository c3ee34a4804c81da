#pragma once
// What sits on top of E during training: a head turns the centre word's vector h into a loss
// over the words to predict, and learns its own parameters as it goes. The skip-gram loop only
// talks to this interface, so the full softmax, negative sampling and hierarchical softmax can
// be swapped without touching the loop (fastText's loss.h has the same shape).
#include <cstdint>
#include <span>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class Head {
 public:
  virtual ~Head() = default;

  // One SGD step for one centre word. `targets` are class indices in [0, classes()), repeats
  // allowed; the loss is the sum of the per-target losses. The head updates its own parameters
  // with `learning_rate` and writes d(loss)/dh, unscaled and taken before that update, into
  // `grad_h` (overwritten, same size as h): the caller owns h and decides how to apply it.
  // Returns the summed loss (not divided by the number of targets).
  virtual double train_step(std::span<const float> h, std::span<const WordId> targets,
                            float learning_rate, std::span<float> grad_h) = 0;

  virtual std::size_t classes() const = 0;
  virtual std::size_t dim() const = 0;
};

}  // namespace embedtool
