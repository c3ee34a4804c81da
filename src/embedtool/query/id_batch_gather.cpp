#include "embedtool/query/id_batch_gather.h"

#include <utility>

#include "embedtool/errors.h"
#include "embedtool/query/unit_length.h"

namespace embedtool {

IdBatchGather::IdBatchGather(RowOf row_of, std::uint64_t rows, std::uint64_t dims,
                             std::string model_name, std::string source, PadVector pad_vector,
                             bool normalize)
    : row_of_(std::move(row_of)),
      rows_(rows),
      dims_(static_cast<Eigen::Index>(dims)),
      model_name_(std::move(model_name)),
      source_(std::move(source)),
      pad_vector_(pad_vector),
      normalize_(normalize) {}

std::string IdBatchGather::line_name(std::uint64_t line) const {
  return "line " + std::to_string(line) + " of " + source_;
}

const Matrix& IdBatchGather::gather(std::span<const WordId> ids, std::uint64_t line) {
  if (!first_) {
    first_ = FirstSequence{ids.size(), line};
    gathered_.resize(static_cast<Eigen::Index>(ids.size()), dims_);
  } else if (ids.size() != first_->length) {
    throw Error(line_name(line) + " has " + std::to_string(ids.size()) + " ids, but line " +
                std::to_string(first_->line) + " has " + std::to_string(first_->length) +
                ": --batch needs sequences of one length (embedtool pad --input-length L)");
  }
  for (std::size_t j = 0; j < ids.size(); ++j) {
    const WordId id = ids[j];
    if (id < 0 || static_cast<std::uint64_t>(id) >= rows_) {
      throw Error("id " + std::to_string(id) + " at position " + std::to_string(j + 1) + " of " +
                  line_name(line) + " is out of range: " + model_name_ + " has ids 0 to " +
                  std::to_string(rows_ - 1));
    }
    auto out = gathered_.row(static_cast<Eigen::Index>(j));
    if (id == kPaddingId && pad_vector_ == PadVector::zero) {
      out.setZero();
      continue;
    }
    // Scaled before it is copied in: the length of a stand-alone row sums in the same order as
    // `lookup --normalize` does, so both print the same digits.
    Eigen::RowVectorXf row = row_of_(id);
    if (normalize_) scale_to_unit_length(row);
    out = row;
  }
  ++sequences_;
  return gathered_;
}

}  // namespace embedtool
