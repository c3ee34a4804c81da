#pragma once
// Opening the files that subcommands read: a path, or "-" for standard input.
#include <istream>
#include <memory>
#include <string>

namespace embedtool {

// An open input; `stream()` is std::cin for "-".
class InputFile {
 public:
  // Throws Error with a one-line reason when `path` is missing, unreadable or a directory.
  explicit InputFile(const std::string& path);
  std::istream& stream() { return *stream_; }
  // The name to use in messages: the path, or "<stdin>".
  const std::string& display_name() const { return display_name_; }

 private:
  std::unique_ptr<std::istream> owned_;
  std::istream* stream_ = nullptr;
  std::string display_name_;
};

}  // namespace embedtool
