#pragma once
// A small fastText .bin model built byte by byte from the layout in docs/FORMAT.md (not with the
// reader's code), for the reader's tests: change a field, cut it short, and check the message.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace embedtool::formats_test {

struct HandBuiltFastText {
  std::int32_t magic = 793712314;
  std::int32_t version = 12;
  std::int32_t dim = 2;
  std::int32_t model = 2;  // skipgram
  std::int32_t bucket = 4;
  std::int32_t minn = 2;
  std::int32_t maxn = 3;
  std::vector<std::string> words = {"ab", "c"};
  std::vector<std::string> labels;
  std::vector<std::uint8_t> types;  // override of each entry's type byte; empty: 0 words, 1 labels
  std::int64_t pruneidx_size = -1;
  std::uint8_t quantized = 0;
  std::int64_t input_rows = -1;  // -1: words + bucket
  std::int64_t input_cols = -1;  // -1: dim
  std::uint64_t trailing_bytes = 0;

  // Input row r holds (r + 1, -(r + 1) / 2), so that a mean tells which rows went into it.
  static float input_value(std::int64_t row, std::int64_t col) {
    return col == 0 ? static_cast<float>(row + 1) : -static_cast<float>(row + 1) / 2;
  }

  // The magic number, version, settings and dictionary entries (not the pruned pairs).
  std::vector<std::byte> build_front() const {
    std::vector<std::byte> out;
    auto put = [&out](const void* data, std::size_t size) {
      const auto* bytes = static_cast<const std::byte*>(data);
      out.insert(out.end(), bytes, bytes + size);  // little-endian host, as fastText writes
    };
    auto i32 = [&](std::int32_t v) { put(&v, 4); };
    auto i64 = [&](std::int64_t v) { put(&v, 8); };
    i32(magic);
    i32(version);
    for (std::int32_t v : {dim, 5, 1, 1, 5, 1, 2, model, bucket, minn, maxn, 100}) i32(v);
    const double t = 1e-4;
    put(&t, 8);
    const auto size = static_cast<std::int32_t>(words.size() + labels.size());
    i32(size);
    i32(static_cast<std::int32_t>(words.size()));
    i32(static_cast<std::int32_t>(labels.size()));
    i64(100);
    i64(pruneidx_size);
    std::size_t entry = 0;
    for (const auto* list : {&words, &labels}) {
      for (const std::string& word : *list) {
        put(word.data(), word.size());
        out.push_back(std::byte{0});
        i64(7);
        const std::uint8_t type = entry < types.size() ? types[entry] : (list == &labels ? 1 : 0);
        out.push_back(std::byte{type});
        ++entry;
      }
    }
    return out;
  }

  std::vector<std::byte> build() const {
    std::vector<std::byte> out = build_front();
    auto put = [&out](const void* data, std::size_t size) {
      const auto* bytes = static_cast<const std::byte*>(data);
      out.insert(out.end(), bytes, bytes + size);
    };
    auto i32 = [&](std::int32_t v) { put(&v, 4); };
    auto i64 = [&](std::int64_t v) { put(&v, 8); };
    for (std::int64_t i = 0; i < pruneidx_size; ++i) {
      i32(static_cast<std::int32_t>(i));
      i32(static_cast<std::int32_t>(i));
    }
    out.push_back(std::byte{quantized});
    const std::int64_t rows = input_rows >= 0 ? input_rows : static_cast<std::int64_t>(words.size()) + bucket;
    const std::int64_t cols = input_cols >= 0 ? input_cols : dim;
    i64(rows);
    i64(cols);
    for (std::int64_t r = 0; r < rows; ++r) {
      for (std::int64_t c = 0; c < cols; ++c) {
        const float v = input_value(r, c);
        put(&v, 4);
      }
    }
    out.push_back(std::byte{0});
    i64(static_cast<std::int64_t>(words.size()));
    i64(dim);
    for (std::size_t r = 0; r < words.size() * static_cast<std::size_t>(dim); ++r) {
      const float v = 0.5f;
      put(&v, 4);
    }
    out.resize(out.size() + trailing_bytes, std::byte{0});
    return out;
  }
};

}  // namespace embedtool::formats_test
