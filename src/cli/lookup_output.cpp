#include "lookup_output.h"

#include <unistd.h>

#include "embedtool/errors.h"
#include "embedtool/query/unit_length.h"

namespace embedtool::cli {

LookupOutput::LookupOutput(const LookupOptions& options)
    : options_(options), sink_(options.output) {
  if (options.format == OutputFormat::npy) {
    if (options.output == "-" && ::isatty(STDOUT_FILENO)) {
      throw UsageError("--format npy writes binary data: redirect standard output to a file or "
                       "pipe, or give -o FILE.npy");
    }
    spool_ = std::make_unique<NpySpool>();
  }
}

void LookupOutput::end_of_line(bool more_ready) {
  if (!more_ready && !is_npy()) sink_.flush();
}

void LookupOutput::finish(std::span<const std::uint64_t> npy_shape) {
  if (spool_) spool_->write_to(sink_, npy_shape);
  sink_.commit();
}

Eigen::RowVectorXf prepared_row(Eigen::RowVectorXf row, const LookupOptions& options) {
  if (options.normalize) scale_to_unit_length(row);
  return row;
}

}  // namespace embedtool::cli
