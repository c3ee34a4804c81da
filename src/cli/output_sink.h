#pragma once
// Where a subcommand's data goes: standard output, or a file written atomically (the file only
// appears, complete, when the command succeeds).
#include <memory>
#include <string>
#include <string_view>

#include "embedtool/storage/atomic_file.h"

namespace embedtool::cli {

class OutputSink {
 public:
  // "-" is standard output.
  explicit OutputSink(const std::string& path);
  // Buffered; call flush() where a reader may be waiting for the line (interactive use).
  void write(std::string_view text);
  void flush();
  // Ends the output: flushes stdout, or renames the finished file into place.
  void commit();

 private:
  std::string buffer_;
  std::unique_ptr<AtomicFileWriter> file_;  // null for standard output
};

}  // namespace embedtool::cli
