// The spool behind lookup's .npy output: values kept in a temporary file until the shape is
// known, then written after the header.
#include "embedtool/formats/npy_spool.h"

#include <doctest/doctest.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "embedtool/formats/npy_header.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

TEST_CASE("spooled values follow an .npy header of the given shape") {
  const ScratchFolder folder;
  const std::string path = folder.file("a.npy");
  NpySpool spool;
  spool.append(Eigen::RowVector2f(1, 2));
  spool.append(Eigen::RowVector4f(3, 4, 5, 6));
  CHECK(spool.values() == 6);
  OutputFile out(path);
  const std::uint64_t shape[] = {3, 2};
  spool.write_to(out, shape);
  out.commit();
  const std::string bytes = read_text_file(path);
  const NpyHeader header = decode_npy_header(bytes_of(bytes), path);
  CHECK(header.shape == std::vector<std::uint64_t>{3, 2});
  CHECK(header.data_offset % 64 == 0);
  REQUIRE(bytes.size() == header.data_offset + 6 * sizeof(float));
  std::vector<float> values(6);
  std::memcpy(values.data(), bytes.data() + header.data_offset, bytes.size() - header.data_offset);
  CHECK(values == std::vector<float>{1, 2, 3, 4, 5, 6});
}

TEST_CASE("more values than one buffer still come back in order") {
  const ScratchFolder folder;
  const std::string path = folder.file("big.npy");
  NpySpool spool;
  const Eigen::Index count = 600'000;  // 2.4 MB, more than the 1 MiB buffer
  Eigen::RowVectorXf values(count);
  for (Eigen::Index i = 0; i < count; ++i) values[i] = static_cast<float>(i);
  spool.append(values);
  OutputFile out(path);
  const std::uint64_t shape[] = {static_cast<std::uint64_t>(count)};
  spool.write_to(out, shape);
  out.commit();
  const std::string bytes = read_text_file(path);
  const NpyHeader header = decode_npy_header(bytes_of(bytes), path);
  REQUIRE(bytes.size() == header.data_offset + count * sizeof(float));
  float last = 0;
  std::memcpy(&last, bytes.data() + bytes.size() - sizeof(float), sizeof(float));
  CHECK(last == static_cast<float>(count - 1));
}

TEST_CASE("a shape that does not hold the values is a programming error") {
  const ScratchFolder folder;
  NpySpool spool;
  spool.append(Eigen::RowVector3f(1, 2, 3));
  OutputFile out(folder.file("bad.npy"));
  const std::uint64_t shape[] = {2, 2};
  CHECK_THROWS_AS(spool.write_to(out, shape), std::logic_error);
}
