#pragma once
// Where lookup's answers go (standard output or -o FILE, written atomically) and the parts of
// their format that every kind of answer shares: streamed text lines, flushed when the input
// runs dry, or an .npy array spooled until the end.
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include <Eigen/Core>

#include "lookup_npy_spool.h"
#include "lookup_options.h"
#include "output_sink.h"

namespace embedtool::cli {

class LookupOutput {
 public:
  // Throws UsageError for an .npy array sent to a terminal.
  explicit LookupOutput(const LookupOptions& options);

  bool is_npy() const { return spool_ != nullptr; }
  const LookupOptions& options() const { return options_; }

  // A text answer (text, tsv, json), already formatted with its "\n".
  void write_text(std::string_view text) { sink_.write(text); }
  // One row of the .npy array.
  void append_npy_row(const Eigen::Ref<const Eigen::RowVectorXf>& row) { spool_->append(row); }

  // After the answers to one input line: makes them visible unless more input is waiting.
  void end_of_line(bool more_ready);

  // Ends the output; for .npy, writes the array with `npy_shape`.
  void finish(std::span<const std::uint64_t> npy_shape = {});

 private:
  const LookupOptions& options_;
  OutputSink sink_;
  std::unique_ptr<NpySpool> spool_;  // null unless --format npy
};

// `row` scaled to unit length when --normalize is given (a zero row stays zero).
Eigen::RowVectorXf prepared_row(Eigen::RowVectorXf row, const LookupOptions& options);

}  // namespace embedtool::cli
