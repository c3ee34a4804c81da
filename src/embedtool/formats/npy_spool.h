#pragma once
// The float32 values of an .npy output, kept until the end. An .npy header holds the array's
// shape, and lookup only knows how many rows it wrote when its input ends; so the values go to
// an unnamed temporary file in $TMPDIR (memory stays flat whatever the input), and finish()
// writes the header and then copies them. Costs the array's size on disk, once.
#include <cstdint>
#include <span>
#include <string>

#include <Eigen/Core>

#include "embedtool/formats/output_file.h"

namespace embedtool {

class NpySpool {
 public:
  // Throws Error if no temporary file can be made.
  NpySpool();
  ~NpySpool();
  NpySpool(const NpySpool&) = delete;
  NpySpool& operator=(const NpySpool&) = delete;

  void append(const Eigen::Ref<const Eigen::RowVectorXf>& values);
  std::uint64_t values() const { return values_; }

  // Writes an .npy array of `shape` (whose product must be values()) to `out`.
  void write_to(OutputFile& out, std::span<const std::uint64_t> shape);

 private:
  void flush_buffer();

  int fd_ = -1;
  std::string buffer_;
  std::uint64_t values_ = 0;
};

}  // namespace embedtool
