#pragma once
// A file with given bytes in a fresh temporary folder (removed at the end of the test), and
// more paths in that folder for files a test writes.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace embedtool::testing {

class TempFolderFile {
 public:
  explicit TempFolderFile(const std::string& content) {
    folder_ = std::filesystem::temp_directory_path() /
              ("embedtool-pipeline-ckpt-" + std::to_string(::getpid()) + "-" +
               std::to_string(counter_++));
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / "corpus.txt").string();
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFolderFile() { std::filesystem::remove_all(folder_); }
  TempFolderFile(const TempFolderFile&) = delete;
  TempFolderFile& operator=(const TempFolderFile&) = delete;
  const std::string& path() const { return path_; }
  std::string beside(const std::string& name) const { return (folder_ / name).string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path folder_;
  std::string path_;
};

}  // namespace embedtool::testing
