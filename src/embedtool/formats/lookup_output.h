#pragma once
// Where lookup's answers go (standard output, or -o FILE written atomically) and what every kind
// of answer (vectors, batches, neighbours, similarities) shares: the format, streamed text lines
// made visible when the input runs dry, or an .npy array spooled until the end.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <Eigen/Core>

#include "embedtool/formats/npy_spool.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/formats/row_text.h"

namespace embedtool {

enum class OutputFormat { text, tsv, json, npy };

struct LookupStyle {
  OutputFormat format = OutputFormat::text;
  Precision precision;  // of the numbers in text, tsv and json
  bool header = false;  // tsv: a first line naming the columns
};

class LookupOutput {
 public:
  // `path` "-" is standard output. Throws UsageError for an .npy array sent to a terminal, Error
  // if the file or the spool cannot be made.
  LookupOutput(const std::string& path, const LookupStyle& style);

  const LookupStyle& style() const { return style_; }
  bool is_npy() const { return spool_ != nullptr; }

  // The tsv header line (with its "\n"), written only when the style asks for one.
  void write_header(std::string_view line);
  // A text answer (text, tsv, json), already formatted with its "\n".
  void write_text(std::string_view text) { out_.write(text); }
  // One row of the .npy array.
  void append_npy_row(const Eigen::Ref<const Eigen::RowVectorXf>& row) { spool_->append(row); }

  // After the answers to one input line: makes them visible unless more input is waiting (then
  // they go out with the next answers, not one system call per line).
  void end_of_line(bool more_ready);

  // Ends the output; for .npy, writes the array with `npy_shape`.
  void finish(std::span<const std::uint64_t> npy_shape = {});

 private:
  LookupStyle style_;
  OutputFile out_;
  std::unique_ptr<NpySpool> spool_;  // null unless the format is npy
};

}  // namespace embedtool
