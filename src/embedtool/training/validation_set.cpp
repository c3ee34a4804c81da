#include "embedtool/training/validation_set.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace embedtool {
namespace {

// The class with the highest log-probability, the lowest among equals, as top_labels orders
// them; none when every value is NaN.
std::optional<ClassId> best_class(std::span<const float> log_probabilities) {
  std::optional<ClassId> best;
  float best_value = -std::numeric_limits<float>::infinity();
  for (std::size_t c = 0; c < log_probabilities.size(); ++c) {
    const float value = log_probabilities[c];
    if (std::isnan(value) || (best && value <= best_value)) continue;
    best = static_cast<ClassId>(c);
    best_value = value;
  }
  return best;
}

}  // namespace

void ValidationSet::add(std::span<const WordId> words, std::span<const ClassId> labels,
                        std::span<const std::string_view> tokens) {
  if (!tokens.empty() && tokens.size() != words.size())
    throw std::logic_error("ValidationSet::add: one token per word id");
  if (tokens.empty() && !words.empty()) all_tokens_ = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!tokens.empty()) token_text_.append(tokens[i]);
    token_ends_.push_back(token_text_.size());
  }
  words_.insert(words_.end(), words.begin(), words.end());
  labels_.insert(labels_.end(), labels.begin(), labels.end());
  offsets_.push_back({words_.size(), labels_.size()});
}

void ValidationSet::append_rows(std::span<const WordId> ids, std::size_t first,
                                const LineInputShape& shape, std::vector<InputRow>& rows) const {
  if (!shape.has_char_ngrams()) {
    append_line_input_rows(ids, shape, rows);
    return;
  }
  // As `embedtool test` reads the line's text: each word with its n-grams, known or not.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::size_t word = first + i;
    const std::size_t start = word == 0 ? 0 : token_ends_[word - 1];
    const std::string_view token(token_text_.data() + start, token_ends_[word] - start);
    append_word_input_rows(ids[i], token, shape, rows);
  }
  append_word_ngram_rows(ids, shape, rows);
}

double ValidationSet::accuracy(const Matrix& input, const LineInputShape& shape,
                               Head& head) const {
  if (shape.has_char_ngrams() && !all_tokens_)
    throw std::logic_error("ValidationSet::accuracy: subwords need every example's tokens");
  if (offsets_.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<float> h(static_cast<std::size_t>(input.cols()));
  std::vector<float> log_probabilities(head.classes());
  std::vector<InputRow> rows;
  std::uint64_t correct = 0;
  Offsets start{0, 0};
  for (const Offsets& end : offsets_) {
    const std::span<const WordId> words(words_.data() + start.words_end,
                                        end.words_end - start.words_end);
    const std::span<const ClassId> labels(labels_.data() + start.labels_end,
                                          end.labels_end - start.labels_end);
    start = end;
    rows.clear();
    append_rows(words, static_cast<std::size_t>(words.data() - words_.data()), shape, rows);
    if (rows.empty() || labels.empty()) continue;
    mean_of_rows(input, rows, h);
    head.predict(h, log_probabilities);
    const std::optional<ClassId> best = best_class(log_probabilities);
    if (best && std::find(labels.begin(), labels.end(), *best) != labels.end()) ++correct;
  }
  return static_cast<double>(correct) / static_cast<double>(offsets_.size());
}

}  // namespace embedtool
