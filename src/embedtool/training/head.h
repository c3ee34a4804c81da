#pragma once
// What sits on top of E during training: a head turns the input vector h (the centre word's row
// of E in skip-gram, the average of the context rows in CBOW) into a loss over the words to
// predict, and learns its own weights as it goes. The training loop only talks to this
// interface, so the full softmax, negative sampling and hierarchical softmax can be swapped
// without touching the loop (fastText's loss.h has the same shape).
//
// The head's weights live outside it (HeadWeights in training_state.h) and are shared by all
// threads, which update them without locks; a Head object is one thread's view of them plus
// that thread's scratch memory, so each thread makes its own (see make_head).
#include <cstdint>
#include <span>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class Head {
 public:
  virtual ~Head() = default;

  // One SGD step for one input vector. `targets` are class indices in [0, classes()) (a word's
  // class is its id - kFirstWordId), repeats allowed; the loss is the sum of the per-target
  // losses, all taken against the same h. The head updates its own weights with
  // `learning_rate` and writes d(loss)/dh, unscaled and taken before that update, into `grad_h`
  // (overwritten, same size as h): the caller owns h and decides how to apply it. (The sampled
  // heads update row by row as they accumulate d(loss)/dh, as word2vec does pair by pair: a row
  // named twice in one step is read the second time after its first update. With
  // learning_rate 0 the gradient is exact.)
  // Returns the summed loss (not divided by the number of targets); NaN or infinite when the
  // weights have diverged.
  virtual double train_step(std::span<const float> h, std::span<const WordId> targets,
                            float learning_rate, std::span<float> grad_h) = 0;

  // Makes this thread's updates that are not yet in the shared weights visible there (heads that
  // keep private copies of hot rows, hot_rows.h; a no-op for the others). The training loop calls
  // it before it pauses for a checkpoint and when it ends.
  virtual void publish() {}
  virtual std::size_t classes() const = 0;
  virtual std::size_t dim() const = 0;
};

}  // namespace embedtool
