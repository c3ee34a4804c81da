#include "embedtool/training/loss_choice.h"

namespace embedtool {

LossChoice choose_loss(LossKind requested, std::size_t vocabulary_words) {
  const std::string words = std::to_string(vocabulary_words) + " words";
  const std::string limit = std::to_string(kAutoSoftmaxMaxWords);
  if (requested != LossKind::automatic)
    return {requested, "loss " + std::string(name_of(requested)) + " (as asked)"};
  if (vocabulary_words <= kAutoSoftmaxMaxWords)
    return {LossKind::softmax,
            "loss auto: softmax (exact; the vocabulary has " + words + ", at most " + limit + ")"};
  return {LossKind::negative_sampling, "loss auto: ns (the vocabulary has " + words +
                                           ", more than " + limit +
                                           " for the exact softmax to be cheap)"};
}

}  // namespace embedtool
