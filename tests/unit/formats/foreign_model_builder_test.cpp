#include <doctest/doctest.h>

#include <cstring>

#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/text_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

ForeignModelBuilder builder_for(std::uint64_t entries, std::optional<std::uint64_t> limit = std::nullopt) {
  return ForeignModelBuilder(entries, 1, limit, "f.vec",
                             [](std::uint64_t entry) { return "entry " + std::to_string(entry); });
}

}  // namespace

TEST_CASE("words get ids 2, 3, ... after two zero rows") {
  auto builder = builder_for(2);
  *builder.add("a") = 1;
  *builder.add("b") = 2;
  const EmbeddingModel model = builder.finish(VectorFormat::glove);
  CHECK(model.vectors.col(0) == Eigen::VectorXf::Map(std::vector<float>{0, 0, 1, 2}.data(), 4));
  CHECK(model.vocabulary.id_of("b") == 3);
}

TEST_CASE("a file starting with <pad> and <unk> brings its own reserved rows") {
  auto builder = builder_for(3);
  *builder.add("<pad>") = 7;
  *builder.add("<unk>") = 8;
  *builder.add("a") = 9;
  const EmbeddingModel model = builder.finish(VectorFormat::npy);
  CHECK(model.vectors.col(0) == Eigen::VectorXf::Map(std::vector<float>{7, 8, 9}.data(), 3));
  CHECK(model.vocabulary.word_count() == 1);
}

TEST_CASE("<pad> not followed by <unk> is an ordinary word") {
  auto builder = builder_for(2);
  *builder.add("<pad>") = 7;
  *builder.add("a") = 9;
  const EmbeddingModel model = builder.finish(VectorFormat::npy);
  CHECK(model.vocabulary.id_of("<pad>") == 2);
  CHECK(model.vectors(2, 0) == 7);
  CHECK(model.vectors(3, 0) == 9);
}

TEST_CASE("the limit counts words, not the reserved rows a file brings") {
  for (std::uint64_t limit : {0, 1}) {
    CAPTURE(limit);
    auto with_reserved = builder_for(4, limit);
    for (const char* word : {"<pad>", "<unk>", "a", "b"}) {
      if (with_reserved.full()) break;
      *with_reserved.add(word) = 1;
    }
    CHECK(with_reserved.finish(VectorFormat::npy).vocabulary.word_count() == limit);
    auto plain = builder_for(4, limit);
    for (const char* word : {"<pad>", "x", "a", "b"}) {
      if (plain.full()) break;
      *plain.add(word) = 1;
    }
    const EmbeddingModel model = plain.finish(VectorFormat::npy);
    CHECK(model.vocabulary.word_count() == limit);
    CHECK(model.vectors.rows() == static_cast<Eigen::Index>(limit + 2));
  }
}

TEST_CASE("a repeated word names both places") {
  auto builder = builder_for(3);
  builder.add("a");
  builder.add("b");
  check_message(error_of([&] { builder.add("a"); }), {"\"a\" appears twice, first at entry 0 (f.vec: entry 2)"});
  auto reserved = builder_for(4);
  reserved.add("<pad>");
  reserved.add("<unk>");
  reserved.add("a");
  check_message(error_of([&] { reserved.add("a"); }), {"first at entry 2 (f.vec: entry 3)"});
}

TEST_CASE("a header with no rows and a huge dimension allocates nothing (found by fuzzing)") {
  // "0 3008083000": word2vec text, binary and .npy headers can all say this.
  for (const char* file : {"0 3008083000\n", "0 1048577\n"}) {
    CAPTURE(file);
    const auto bytes = std::as_bytes(std::span<const char>(file, std::strlen(file)));
    check_message(error_of([&] { read_text_vectors(bytes, "f.vec", TextHeader::word2vec, {}); }),
                  {"f.vec: vectors of ", "at most 1048576"});
  }
  const char* fine = "0 1048576\n";
  const auto bytes = std::as_bytes(std::span<const char>(fine, std::strlen(fine)));
  CHECK(read_text_vectors(bytes, "f.vec", TextHeader::word2vec, {}).vectors.cols() == 1048576);
}
