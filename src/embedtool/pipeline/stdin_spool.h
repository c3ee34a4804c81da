#pragma once
// Training reads its corpus several times (once to count, once per epoch), but standard input
// can be read only once. StdinSpool copies it to a temporary file that is removed again when the
// spool is destroyed.
#include <string>

namespace embedtool {

class StdinSpool {
 public:
  // Copies all of standard input to a file in $TMPDIR (or /tmp). Throws Error on failure.
  StdinSpool();
  ~StdinSpool();
  StdinSpool(const StdinSpool&) = delete;
  StdinSpool& operator=(const StdinSpool&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace embedtool
