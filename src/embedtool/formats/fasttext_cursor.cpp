#include "embedtool/formats/fasttext_cursor.h"

#include <cstring>

#include "embedtool/errors.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/text/location_message.h"

namespace embedtool {

std::int32_t FastTextCursor::i32(std::string_view what) {
  need(4, what);
  const auto value = static_cast<std::int32_t>(little_endian::load_u32(bytes_.data() + at_));
  at_ += 4;
  return value;
}

std::int64_t FastTextCursor::i64(std::string_view what) {
  need(8, what);
  const auto value = static_cast<std::int64_t>(little_endian::load_u64(bytes_.data() + at_));
  at_ += 8;
  return value;
}

double FastTextCursor::f64(std::string_view what) {
  need(8, what);
  double value = 0;
  const std::uint64_t bits = little_endian::load_u64(bytes_.data() + at_);
  std::memcpy(&value, &bits, sizeof value);
  at_ += 8;
  return value;
}

std::uint8_t FastTextCursor::u8(std::string_view what) {
  need(1, what);
  return std::to_integer<std::uint8_t>(bytes_[at_++]);
}

std::string_view FastTextCursor::c_string(std::string_view what) {
  const char* start = reinterpret_cast<const char*>(bytes_.data()) + at_;
  const void* nul = std::memchr(start, 0, left());
  if (nul == nullptr) fail_truncated(what, left() + 1);
  const std::string_view text(start, static_cast<std::size_t>(static_cast<const char*>(nul) - start));
  at_ += text.size() + 1;
  return text;
}

void FastTextCursor::skip(std::uint64_t bytes, std::string_view what) {
  need(bytes, what);
  at_ += bytes;
}

void FastTextCursor::need(std::uint64_t bytes, std::string_view what) const {
  if (bytes > left()) fail_truncated(what, bytes);
}

void FastTextCursor::fail(const std::string& what, std::uint64_t at) const {
  throw Error(source_ + " is not a valid fastText model: " + what + location_message(source_, 0, at));
}

void FastTextCursor::fail_truncated(std::string_view what, std::uint64_t needed) const {
  throw Error(source_ + " is truncated: " + std::string(what) + ": " + decimal(needed) +
              " bytes needed at byte " + decimal(at_) + ", " + decimal(left()) +
              " left (a fastText model cut short, or not a whole download)");
}

}  // namespace embedtool
