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

LossChoice choose_classifier_loss(const std::string& requested, std::size_t labels) {
  const std::string counted = std::to_string(labels) + (labels == 1 ? " label" : " labels");
  const std::string limit = std::to_string(kAutoAllLabelsMax);
  if (requested != "auto") return {requested, "loss " + requested + " (as asked)"};
  if (labels <= kAutoAllLabelsMax)
    return {"ova", "loss auto: ova (" + counted + ", at most " + limit + ")"};
  return {"hs", "loss auto: hs (" + counted + ", more than " + limit +
                    " for scoring every label to be cheap)"};
}

}  // namespace embedtool
