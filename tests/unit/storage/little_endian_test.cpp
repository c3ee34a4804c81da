#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <limits>
#include <string_view>

#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/little_endian.h"

namespace le = embedtool::little_endian;

TEST_CASE("integers are stored least significant byte first") {
  std::array<std::byte, 8> bytes{};
  le::store_u32(bytes.data(), 0x0a0b0c0du);
  CHECK(bytes[0] == std::byte{0x0d});
  CHECK(bytes[3] == std::byte{0x0a});
  CHECK(le::load_u32(bytes.data()) == 0x0a0b0c0du);

  le::store_u64(bytes.data(), 0x0102030405060708ull);
  CHECK(bytes[0] == std::byte{0x08});
  CHECK(bytes[7] == std::byte{0x01});
  CHECK(le::load_u64(bytes.data()) == 0x0102030405060708ull);
  le::store_u64(bytes.data(), std::numeric_limits<std::uint64_t>::max());
  CHECK(le::load_u64(bytes.data()) == std::numeric_limits<std::uint64_t>::max());
}

TEST_CASE("floats are stored as their IEEE-754 bit pattern") {
  std::array<std::byte, 4> bytes{};
  le::store_f32(bytes.data(), 1.0f);  // 0x3f800000
  CHECK(bytes == std::array<std::byte, 4>{std::byte{0}, std::byte{0}, std::byte{0x80}, std::byte{0x3f}});
  le::store_f32(bytes.data(), -0.0f);
  CHECK(bytes[3] == std::byte{0x80});
  CHECK(std::signbit(le::load_f32(bytes.data())));
}

TEST_CASE("checked arithmetic reports wrap-around instead of wrapping") {
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  CHECK(embedtool::checked_add(kMax - 1, 1) == kMax);
  CHECK_FALSE(embedtool::checked_add(kMax, 1).has_value());
  CHECK(embedtool::checked_mul(std::uint64_t{1} << 32, (std::uint64_t{1} << 32) - 1).has_value());
  CHECK_FALSE(embedtool::checked_mul(std::uint64_t{1} << 32, std::uint64_t{1} << 32).has_value());
  CHECK(embedtool::checked_mul(0, kMax) == 0);
  CHECK(embedtool::range_fits(10, 90, 100));
  CHECK_FALSE(embedtool::range_fits(10, 91, 100));
  CHECK_FALSE(embedtool::range_fits(101, 0, 100));
  CHECK_FALSE(embedtool::range_fits(10, kMax - 5, 100));  // 10 + size wraps to 4
  CHECK(embedtool::align_up(129, 64) == 192);
  CHECK(embedtool::align_up(128, 64) == 128);
}

TEST_CASE("the checksum is zlib's CRC-32 and can be continued") {
  const std::string_view text = "123456789";  // the standard CRC-32 check value
  auto bytes = std::as_bytes(std::span(text.data(), text.size()));
  CHECK(embedtool::crc32_of(bytes) == 0xcbf43926u);
  CHECK(embedtool::crc32_of(bytes.subspan(4), embedtool::crc32_of(bytes.first(4))) == 0xcbf43926u);
}
