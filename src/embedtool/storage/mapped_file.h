#pragma once
// The bytes of a whole file, read-only. A regular file is memory-mapped, so only the pages that
// are touched are read: a lookup in a 1 GB model reads a few pages, not the whole file. Standard
// input ("-"), pipes and other files that cannot be mapped are read into memory instead.
//
// A mapping sees the file's inode: replacing the file by rename (as every embedtool writer does)
// leaves an open MappedFile intact, but truncating the file in place while it is mapped makes
// later reads of the lost pages fail with SIGBUS. Nothing in embedtool truncates model files.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace embedtool {

class MappedFile {
 public:
  // How the caller will read: a hint to the kernel's read-ahead.
  enum class Access { random, sequential };

  // Throws Error "cannot open <path>: <reason>" (missing, a folder, no permission) or
  // "cannot read <path>: <reason>".
  explicit MappedFile(const std::string& path, Access access = Access::sequential);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const std::byte> bytes() const { return bytes_; }
  // A hint that `range` (a part of bytes()) will now be read as `access` says, whatever the
  // file was opened for: sequential reads ahead (a search reads the matrix from start to end),
  // random reads only the pages touched (a few rows). Only changes the speed of a cold read.
  void will_read(std::span<const std::byte> range, Access access) const;
  // The path, or "<stdin>" for "-": the name to use in messages.
  const std::string& display_name() const { return display_name_; }

 private:
  void unmap();

  void* mapping_ = nullptr;
  std::size_t mapped_size_ = 0;
  std::vector<std::byte> owned_;  // the bytes of a file that could not be mapped
  std::span<const std::byte> bytes_;
  std::string display_name_;
};

}  // namespace embedtool
