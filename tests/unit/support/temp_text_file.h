#pragma once
// Shared by the unit tests of every layer: a file with given bytes in a fresh temporary folder,
// and more paths in that folder for files a test writes (checkpoints, models). The folder and
// everything in it are removed when the object goes, so a failed test leaves nothing behind.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace embedtool::testing {

class TempTextFile {
 public:
  explicit TempTextFile(const std::string& bytes) {
    // mkdtemp, not a name made from the pid: test binaries of several layers run at once.
    std::string pattern =
        (std::filesystem::temp_directory_path() / "embedtool-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a temporary folder from " + pattern);
    folder_ = pattern;
    path_ = (folder_ / "corpus.txt").string();
    std::ofstream file(path_, std::ios::binary);
    file << bytes;
    if (!file.flush()) throw std::runtime_error("cannot write " + path_);
  }
  ~TempTextFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  TempTextFile(const TempTextFile&) = delete;
  TempTextFile& operator=(const TempTextFile&) = delete;

  const std::string& path() const { return path_; }
  // A path next to the file, for files the test itself writes.
  std::string beside(const std::string& name) const { return (folder_ / name).string(); }

 private:
  std::filesystem::path folder_;
  std::string path_;
};

}  // namespace embedtool::testing
