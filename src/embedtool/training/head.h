#pragma once
// What sits on top of the input vector h in every model embedtool trains (inputs → h → head):
// a head turns h into a loss over the classes to predict (context words, or labels), learns its
// own weights W as it goes, and scores every class for an h (predict). The training loop only
// talks to this interface, so the full softmax, negative sampling, hierarchical softmax and
// one-vs-all can be swapped without touching the loop (fastText's loss.h has the same shape).
//
// A head comes in two parts:
//   HeadFamily - what every thread of a run shares, built once from the class counts: the
//                read-only tables (noise distribution, Huffman tree) and the shape of W;
//   Head       - one thread's view of the shared W plus that thread's scratch memory (and
//                private copies of W's busiest rows, hot_rows.h), made by HeadFamily::make.
// W itself lives outside both (ModelWeights::output in training_state.h) and is shared by all
// threads, which update it without locks.
//
// Adding a head: a new file in training/heads/ that implements both and one line in
// heads/head_registry.cpp; it must pass tests/unit/training/head_conformance_test.cpp.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/class_id.h"
#include "embedtool/training/class_ranking.h"
#include "embedtool/training/hot_rows.h"
#include "embedtool/training/random.h"

namespace embedtool {

class Head {
 public:
  virtual ~Head() = default;

  // One SGD step for one input vector. `targets` are classes, repeats allowed, all taken against
  // the same h; how they make up the loss is the head's:
  //   softmax, ns, hs: a list of predictions; the loss is the sum of one loss per target, so a
  //                    target named twice counts twice;
  //   ova:             a set of positive classes; the loss has one term per class, positive or
  //                    not (one_vs_all_head.h), so a target named twice counts once.
  // With no targets every head does nothing: loss 0, grad_h zero, W unchanged (for ova too,
  // though an empty set of positives could be read as "every class a negative").
  // The head updates its own weights with `learning_rate` and writes d(loss)/dh, unscaled and
  // taken before that update, into `grad_h` (overwritten, same size as h): the caller owns h and
  // decides how to apply it. (The sampled heads update row by row as they accumulate
  // d(loss)/dh, as word2vec does pair by pair: a row named twice in one step is read the second
  // time after its first update. With learning_rate 0 the gradient is exact.)
  // Returns the step's whole loss (not divided by the number of targets); NaN or infinite when
  // the weights have diverged.
  virtual double train_step(std::span<const float> h, std::span<const ClassId> targets,
                            float learning_rate, std::span<float> grad_h) = 0;

  // log P(class | h) for every class, into `log_probabilities` (classes() values), as the head
  // models it: one distribution over the classes for softmax and hs (the values exp() to 1), an
  // independent yes/no probability per class for ns and ova. The loss of a step with one target
  // t is −log_probabilities[t], plus, for ns and ova, the terms of the classes it was told apart
  // from (ns: the noise classes drawn; ova: every other class, −log(1 − P(c | h)) each). Reads
  // the shared weights as this thread last saw them.
  virtual void predict(std::span<const float> h, std::span<float> log_probabilities) = 0;

  // The best classes for h within `limits` (class_ranking.h), into `out`, with the values
  // predict() gives them. By default predict() scores every class; a head that can find the
  // best without (hs) overrides it and must choose the same classes with the same values.
  virtual void top_classes(std::span<const float> h, const RankingLimits& limits,
                           std::vector<RankedClass>& out);

  // Makes this thread's updates that are not yet in the shared weights visible there (heads that
  // keep private copies of hot rows, hot_rows.h; a no-op for the others). The training loop calls
  // it before it pauses for a checkpoint and when it ends.
  virtual void publish() {}
  virtual std::size_t classes() const = 0;
  virtual std::size_t dim() const = 0;

 private:
  std::vector<float> all_log_probabilities_;  // top_classes' scratch
};

// What a head needs to know of the run before training starts.
struct HeadOptions {
  // How often each class occurs (words: their corpus counts; labels: their line counts). Their
  // number is the number of classes. ns draws noise classes by them; hs builds its tree on them.
  std::span<const std::uint64_t> class_counts;
  int negatives = 5;  // noise classes per target (ns)
  int threads = 1;    // with more than one, each thread keeps private copies of the hot rows
  double ns_exponent = 0.75;  // ns draws noise classes by count^ns_exponent (word2vec's 0.75)
};

// The size of a head, known from the number of classes and threads alone, before any table is
// built: what the memory estimate asks of it.
struct HeadShape {
  std::size_t weight_rows = 0;  // rows of W
  // Rows of W each thread keeps private copies of (hot_rows.h); empty with one thread.
  RowRange hot;
  // Floats of scratch each thread's head holds besides the hot copies (scores of every class).
  std::size_t scratch_floats = 0;
};

class HeadFamily {
 public:
  virtual ~HeadFamily() = default;
  virtual const HeadShape& shape() const = 0;
  // One thread's head over the shared `weights` (shape().weight_rows x dim, which outlive it);
  // `random` is that thread's generator (noise classes of ns).
  virtual std::unique_ptr<Head> make(Matrix& weights, Random& random) const = 0;
};

}  // namespace embedtool
