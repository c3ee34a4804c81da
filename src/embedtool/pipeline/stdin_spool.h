#pragma once
// Training reads its corpus several times (once to count, once per epoch), but standard input,
// a FIFO or a shell's <(...) can be read only once. StdinSpool copies such an input to a
// temporary file that is removed again when the spool is destroyed.
#include <string>

namespace embedtool {

class StdinSpool {
 public:
  // Copies all of standard input to a file in $TMPDIR (or /tmp). Throws Error on failure.
  StdinSpool();
  // Copies the file at `source_path` (a FIFO, a character device, ...) the same way.
  explicit StdinSpool(const std::string& source_path);
  ~StdinSpool();
  StdinSpool(const StdinSpool&) = delete;
  StdinSpool& operator=(const StdinSpool&) = delete;

  const std::string& path() const { return path_; }

 private:
  void spool(int source_fd, const std::string& source_name);
  std::string path_;
};

}  // namespace embedtool
