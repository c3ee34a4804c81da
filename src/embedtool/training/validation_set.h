#pragma once
// A classifier's held-out examples (`train --validation`), encoded once as the trainer's input
// rows (line_input_rows.h) and scored on the weights at the end of each epoch. The score is
// `embedtool test`'s accuracy (classify/test_metrics.h): the share of examples whose single best
// label is one of theirs. An example counts, and is missed, when none of its labels is one the
// model has or when none of its words gives an input row: the kept epoch's accuracy is then what
// `embedtool test` reports on the same file.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/class_id.h"
#include "embedtool/training/head.h"
#include "embedtool/training/input_step.h"

namespace embedtool {

class ValidationSet {
 public:
  // One labelled example: its input rows (possibly none) and those of its labels the model has
  // (possibly none).
  void add(std::span<const InputRow> rows, std::span<const ClassId> labels);

  std::uint64_t examples() const { return offsets_.size(); }

  // The share of examples whose best class under `head` (highest log-probability; the lowest
  // class among equals) is one of their labels; `input` the table the rows index. NaN without
  // examples.
  double accuracy(const Matrix& input, Head& head) const;

 private:
  struct Offsets {
    std::size_t rows_end;
    std::size_t labels_end;
  };
  std::vector<InputRow> rows_;    // every example's rows, one after the other
  std::vector<ClassId> labels_;   // every example's labels, one after the other
  std::vector<Offsets> offsets_;  // where each example's rows and labels end
};

}  // namespace embedtool
