#pragma once
// Shared by the storage tests: a scratch folder, sample models, and checks on error messages.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/model.h"
#include "embedtool/storage/emb_format.h"
#include "../error_message.h"

namespace embedtool::storage_test {

// A fresh folder under the system temp folder, removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "embedtool-storage-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    // A test may have made it read-only.
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(std::string_view name) const { return (path_ / name).string(); }

  // Every name in the folder, sorted; shows leftover temporary files.
  std::vector<std::string> names() const {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) {
      found.push_back(entry.path().filename().string());
    }
    std::sort(found.begin(), found.end());
    return found;
  }

 private:
  std::filesystem::path path_;
};

// While alive, files of this process cannot grow past `bytes`: write() then fails with EFBIG
// after a partial write, as it would with ENOSPC on a full disk, and this works for root too.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // the default action would kill the tests
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit_) == 0);
    rlimit limit = old_limit_;
    limit.rlim_cur = bytes;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_limit_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit old_limit_{};
  void (*old_handler_)(int) = nullptr;
};

inline void write_text_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A small model whose words need multi-byte UTF-8 and whose values cover the float corners.
inline EmbeddingModel sample_model() {
  EmbeddingModel model;
  model.vocabulary.add("the", 120);
  model.vocabulary.add("café", 7);
  model.vocabulary.add("日本語", 3);
  model.vocabulary.add("😀", 1);
  const auto rows = static_cast<Eigen::Index>(model.vocabulary.input_dim());
  model.vectors = Matrix(rows, 3);
  float value = -1.5f;
  for (Eigen::Index i = 0; i < model.vectors.size(); ++i) model.vectors.data()[i] = value += 0.25f;
  model.vectors(0, 0) = -0.0f;
  model.vectors(0, 1) = std::numeric_limits<float>::denorm_min();
  model.vectors(0, 2) = std::numeric_limits<float>::infinity();
  model.vectors(1, 0) = std::bit_cast<float>(std::uint32_t{0x7fc12345});  // quiet NaN, payload
  model.vectors(1, 1) = std::bit_cast<float>(std::uint32_t{0xffa00001});  // signaling NaN
  model.vectors(1, 2) = std::numeric_limits<float>::lowest();
  model.metadata = {{"tool", {{"name", "embedtool"}, {"version", "0.1.0"}}},
                    {"learning_rate", 0.025},
                    {"epochs", 5},
                    {"corpus", "naïve.txt"},
                    {"window", {2, 3}}};
  return model;
}

// Bit patterns, so that NaN == NaN and -0.0 != 0.0.
inline bool same_bits(const Matrix& a, const Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (std::bit_cast<std::uint32_t>(a.data()[i]) != std::bit_cast<std::uint32_t>(b.data()[i])) {
      return false;
    }
  }
  return true;
}

inline void check_same_vocabulary(const Vocabulary& a, const Vocabulary& b) {
  REQUIRE(a.input_dim() == b.input_dim());
  for (std::size_t row = 0; row < a.input_dim(); ++row) {
    auto id = static_cast<WordId>(row);
    CHECK(a.word(id) == b.word(id));
    CHECK(a.count(id) == b.count(id));
  }
}

using unit_test::error_of;

// An error message is one line and holds each of `parts`.
inline void check_message(const std::string& message, std::initializer_list<std::string_view> parts) {
  INFO("message: ", message);
  CHECK(message.find('\n') == std::string::npos);
  for (std::string_view part : parts) {
    INFO("expected part: ", part);
    CHECK(message.find(part) != std::string::npos);
  }
}

inline void check_parse_rejects(std::span<const std::byte> bytes,
                                std::initializer_list<std::string_view> parts) {
  std::string message = error_of([&] { parse_model(bytes, "model.emb"); });
  check_message(message, parts);
  CHECK(message.find("model.emb") != std::string::npos);
}

}  // namespace embedtool::storage_test
