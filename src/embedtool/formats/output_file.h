#pragma once
// Where a command's output goes: a path, written atomically (the file appears, complete, only on
// commit()), or "-" for standard output. Writes are buffered; flush() makes them visible where a
// reader may be waiting for the line (a coprocess, a shared terminal).
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "embedtool/storage/atomic_file.h"

namespace embedtool {

class OutputFile {
 public:
  // Throws Error if the temporary file cannot be created (missing folder, no permission).
  explicit OutputFile(const std::string& path);

  void write(std::string_view bytes);
  void write(std::span<const std::byte> bytes);
  // Passes on what is buffered, through stdio's buffer too for standard output.
  void flush();
  // Ends the output: renames the finished file into place, or flushes standard output.
  void commit();

  // The path, or "<stdout>": for messages.
  const std::string& display_name() const { return display_name_; }

 private:
  void write_buffer();

  std::unique_ptr<AtomicFileWriter> file_;  // null for standard output
  std::string buffer_;
  std::string display_name_;
};

}  // namespace embedtool
