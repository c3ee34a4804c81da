// Headers of arrays of any rank (lookup --batch writes 3-D ones) read back with their shape.
#include "embedtool/formats/npy_header.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace {
embedtool::NpyHeader decode(const std::string& header) {
  return embedtool::decode_npy_header(
      std::span(reinterpret_cast<const std::byte*>(header.data()), header.size()), "test.npy");
}
}  // namespace

TEST_CASE("npy headers of rank 1 to 3 round-trip and keep the data 64-byte aligned") {
  for (const std::vector<std::uint64_t>& shape :
       {std::vector<std::uint64_t>{7}, {3, 300}, {2, 8, 50}, {0, 0, 50}}) {
    const std::string header = embedtool::encode_npy_header("<f4", shape);
    CHECK(header.size() % 64 == 0);
    const embedtool::NpyHeader decoded = decode(header);
    CHECK(decoded.shape == shape);
    CHECK(decoded.descr == "<f4");
    CHECK_FALSE(decoded.fortran_order);
    CHECK(decoded.data_offset == header.size());
  }
  CHECK(embedtool::encode_npy_header("<f4", std::vector<std::uint64_t>{7}).find("(7,)") !=
        std::string::npos);
  // The 2-D form is the same as the general one.
  CHECK(embedtool::encode_npy_header("<f4", 3, 300) ==
        embedtool::encode_npy_header("<f4", std::vector<std::uint64_t>{3, 300}));
}
