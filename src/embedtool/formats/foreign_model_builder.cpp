#include "embedtool/formats/foreign_model_builder.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

ForeignModelBuilder::ForeignModelBuilder(std::uint64_t max_entries, std::uint64_t dims,
                                         std::optional<std::uint64_t> limit,
                                         std::string source_name,
                                         std::function<std::string(std::uint64_t)> place_of_entry)
    : limit_(limit),
      source_name_(std::move(source_name)),
      place_of_entry_(std::move(place_of_entry)),
      discarded_(0) {
  // A header may announce any dimension with no row to back it (0 rows): the reserved rows alone
  // would then be allocated at that size. No real file has vectors this long (fuzzing found
  // "0 3008083000", 24 GB for two zero rows).
  if (dims > kMaxDims) {
    throw Error(source_name_ + ": vectors of " + decimal(dims) +
                " numbers; embedtool reads vectors of at most " + decimal(kMaxDims));
  }
  discarded_.resize(dims);
  // The limit counts words; a file with its own reserved rows has two entries more.
  const std::uint64_t most_entries =
      limit && *limit < std::numeric_limits<std::uint64_t>::max() - kReservedIds
          ? std::min(max_entries, *limit + kReservedIds)
          : max_entries;
  model_.vectors = Matrix::Zero(static_cast<Eigen::Index>(most_entries + kReservedIds),
                                static_cast<Eigen::Index>(dims));
}

bool ForeignModelBuilder::full() const {
  return limit_ && !padding_pending_ && model_.vocabulary.word_count() >= *limit_;
}

std::uint64_t ForeignModelBuilder::entry_of_row(WordId row) const {
  return static_cast<std::uint64_t>(row) - (reserved_in_file_ ? 0 : kReservedIds);
}

float* ForeignModelBuilder::add_word(std::string word, std::uint64_t count) {
  if (const auto earlier = model_.vocabulary.id_of(word)) {
    throw Error("the word " + embedtool::quoted(word) + " appears twice, first at " +
                place_of_entry_(entry_of_row(*earlier)) + " (" + source_name_ + ": " +
                place_of_entry_(added_) + ")");
  }
  if (limit_ && model_.vocabulary.word_count() >= *limit_) return discarded_.data();
  model_.vocabulary.add(std::move(word), count);
  return model_.vectors.row(next_row_++).data();
}

// Entry 0, "<pad>", turned out to be a plain word: it keeps row 2, unless the limit is 0.
void ForeignModelBuilder::keep_pending_padding_as_word() {
  if (limit_ && *limit_ == 0) return;
  model_.vocabulary.add(std::string(kPaddingToken), 0);
  ++next_row_;
}

float* ForeignModelBuilder::add(std::string word, std::uint64_t count) {
  // Readers size `max_entries` from the file; this guards the matrix should one get it wrong.
  // The entry writes the next row, or the one after it when a pending "<pad>" becomes a word.
  const Eigen::Index row_written = next_row_ + (padding_pending_ ? 1 : 0);
  if (row_written >= model_.vectors.rows()) {
    throw std::logic_error("ForeignModelBuilder: more entries than max_entries");
  }
  float* values = nullptr;
  if (added_ == 0 && word == kPaddingToken) {
    padding_pending_ = true;  // row 2 for now: the word "<pad>", or row 0 if <unk> follows
    values = model_.vectors.row(next_row_).data();
  } else if (padding_pending_) {
    padding_pending_ = false;
    if (word == kUnknownToken) {
      reserved_in_file_ = true;
      model_.vectors.row(0) = model_.vectors.row(next_row_);
      model_.vectors.row(next_row_).setZero();
      values = model_.vectors.row(1).data();
    } else {
      if (word == kPaddingToken) {
        throw Error("the word \"<pad>\" appears twice, first at " + place_of_entry_(0) + " (" +
                    source_name_ + ": " + place_of_entry_(1) + ")");
      }
      keep_pending_padding_as_word();
      values = add_word(std::move(word), count);
    }
  } else {
    values = add_word(std::move(word), count);
  }
  ++added_;
  return values;
}

EmbeddingModel ForeignModelBuilder::finish(VectorFormat format) {
  if (padding_pending_) {  // a file of one word, "<pad>"
    padding_pending_ = false;
    keep_pending_padding_as_word();
  }
  model_.vectors.conservativeResize(next_row_, model_.vectors.cols());
  model_.metadata = {{"converted_from", {{"format", format_name(format)}, {"file", source_name_}}}};
  return std::move(model_);
}

}  // namespace embedtool
