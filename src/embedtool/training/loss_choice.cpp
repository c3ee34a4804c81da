#include "embedtool/training/loss_choice.h"

namespace embedtool {

LossChoice choose_loss(const std::string& requested, std::size_t vocabulary_words) {
  const std::string words = std::to_string(vocabulary_words) + " words";
  const std::string limit = std::to_string(kAutoSoftmaxMaxWords);
  if (requested != "auto")
    return {requested, "loss " + requested + " (as asked)"};
  if (vocabulary_words <= kAutoSoftmaxMaxWords)
    return {"softmax",
            "loss auto: softmax (exact; the vocabulary has " + words + ", at most " + limit + ")"};
  return {"ns", "loss auto: ns (the vocabulary has " + words +
                                           ", more than " + limit +
                                           " for the exact softmax to be cheap)"};
}

}  // namespace embedtool
