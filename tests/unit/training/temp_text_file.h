#pragma once
// A file with given bytes in a fresh temporary folder, removed at the end of the test.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace embedtool::testing {

class TempTextFile {
 public:
  explicit TempTextFile(const std::string& bytes) {
    folder_ = std::filesystem::temp_directory_path() /
              ("embedtool-training-test-" + std::to_string(::getpid()) + "-" +
               std::to_string(counter_++));
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "corpus.txt").string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempTextFile() { std::filesystem::remove_all(folder_); }
  TempTextFile(const TempTextFile&) = delete;
  TempTextFile& operator=(const TempTextFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path folder_;
  std::string path_;
};

}  // namespace embedtool::testing
