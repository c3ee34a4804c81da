#include "embedtool/formats/lookup_output.h"

#include <unistd.h>

#include "embedtool/errors.h"

namespace embedtool {

LookupOutput::LookupOutput(const std::string& path, const LookupStyle& style)
    : style_(style), out_(path) {
  if (style.format == OutputFormat::npy) {
    // Binary data would garble the terminal and is of no use there.
    if (path == "-" && ::isatty(STDOUT_FILENO)) {
      throw UsageError("--format npy writes binary data: redirect standard output to a file or "
                       "pipe, or give -o FILE.npy");
    }
    spool_ = std::make_unique<NpySpool>();
  }
}

void LookupOutput::write_header(std::string_view line) {
  if (style_.header && style_.format == OutputFormat::tsv) out_.write(line);
}

void LookupOutput::end_of_line(bool more_ready) {
  if (!more_ready && !is_npy()) out_.flush();
}

void LookupOutput::finish(std::span<const std::uint64_t> npy_shape) {
  if (spool_) spool_->write_to(out_, npy_shape);
  out_.commit();
}

}  // namespace embedtool
