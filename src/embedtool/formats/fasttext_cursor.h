#pragma once
// Reads a fastText model file front to back, every read checked against the end of the file
// first, so that a size in a damaged or truncated file is reported before it is followed. Shared
// by the parts of the layout (fasttext_bin_layout.cpp, fasttext_quantized_matrix.cpp); the
// messages name the file and, for a short file, what was being read and how much was missing.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

class FastTextCursor {
 public:
  // `source` names the file in messages and must outlive the cursor.
  FastTextCursor(std::span<const std::byte> bytes, const std::string& source)
      : bytes_(bytes), source_(source) {}

  std::uint64_t at() const { return at_; }
  std::uint64_t left() const { return bytes_.size() - at_; }

  std::int32_t i32(std::string_view what);
  std::int64_t i64(std::string_view what);
  double f64(std::string_view what);
  std::uint8_t u8(std::string_view what);
  // The bytes up to the next NUL, which is skipped.
  std::string_view c_string(std::string_view what);
  void skip(std::uint64_t bytes, std::string_view what);
  // Throws (as truncated) unless `bytes` more bytes are left.
  void need(std::uint64_t bytes, std::string_view what) const;

  // "<source> is not a valid fastText model: <what> (<source>: byte <at>)".
  [[noreturn]] void fail(const std::string& what, std::uint64_t at) const;
  [[noreturn]] void fail_truncated(std::string_view what, std::uint64_t needed) const;

 private:
  std::span<const std::byte> bytes_;
  const std::string& source_;
  std::uint64_t at_ = 0;
};

}  // namespace embedtool
