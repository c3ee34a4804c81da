#include "embedtool/training/head_factory.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "embedtool/training/hierarchical_softmax_head.h"
#include "embedtool/training/negative_sampling_head.h"
#include "embedtool/training/softmax_head.h"

namespace embedtool {

namespace {
std::vector<std::uint64_t> class_counts(const Vocabulary& vocabulary) {
  std::vector<std::uint64_t> counts(vocabulary.word_count());
  for (std::size_t k = 0; k < counts.size(); ++k)
    counts[k] = vocabulary.count(static_cast<WordId>(k) + kFirstWordId);
  return counts;
}
}  // namespace

HeadFactory::HeadFactory(LossKind loss, const Vocabulary& vocabulary, int negatives, int threads)
    : loss_(loss), classes_(vocabulary.word_count()), negatives_(negatives) {
  assert(loss != LossKind::automatic);
  if (loss == LossKind::negative_sampling) noise_.emplace(class_counts(vocabulary));
  if (loss == LossKind::hierarchical_softmax) tree_.emplace(class_counts(vocabulary));
  if (threads > 1) {
    // The most written rows are contiguous in both heads. Words are numbered by falling count,
    // so the likeliest noise words are the first rows. Huffman's algorithm creates inner nodes
    // in order of rising weight, and a node's weight (the counts below it) is how often a
    // step passes through it: the busiest nodes, the root first, are the last rows.
    const std::size_t hot = std::min(kHotRowsPerThread, weight_rows());
    hot_ = tree_ ? RowRange{weight_rows() - hot, hot} : RowRange{0, hot};
    private_softmax_ = true;
  }
}

std::size_t HeadFactory::weight_rows() const { return tree_ ? tree_->inner_nodes() : classes_; }

std::unique_ptr<Head> HeadFactory::make(Matrix& weights, Random& random) const {
  switch (loss_) {
    case LossKind::negative_sampling:
      return std::make_unique<NegativeSamplingHead>(weights, *noise_, negatives_, random, hot_);
    case LossKind::hierarchical_softmax:
      return std::make_unique<HierarchicalSoftmaxHead>(weights, *tree_, hot_);
    case LossKind::softmax:
    case LossKind::automatic: break;
  }
  return std::make_unique<SoftmaxHead>(weights, private_softmax_);
}

}  // namespace embedtool
