// Every format to every other: words and values come back exactly (text formats print the
// shortest decimal that reads back as the same float32, so they are exact too).
#include <doctest/doctest.h>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/save_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

constexpr VectorFormat kAll[] = {VectorFormat::emb,          VectorFormat::word2vec_binary,
                                 VectorFormat::word2vec_text, VectorFormat::glove,
                                 VectorFormat::npy,          VectorFormat::projector};

std::string file_name(VectorFormat format, const std::string& stem) {
  switch (format) {
    case VectorFormat::emb: return stem + ".emb";
    case VectorFormat::word2vec_binary: return stem + ".bin";
    case VectorFormat::word2vec_text: return stem + ".vec";
    case VectorFormat::glove: return stem + ".txt";
    case VectorFormat::npy: return stem + ".npy";
    case VectorFormat::projector: return stem + "-projector/";
    case VectorFormat::fasttext: return stem + ".ftz";  // read only: not in kAll
  }
  return stem;
}

}  // namespace

TEST_CASE("every pair of formats keeps words and values, by file name alone") {
  const EmbeddingModel model = corner_model();
  for (VectorFormat first : kAll) {
    for (VectorFormat second : kAll) {
      CAPTURE(format_name(first));
      CAPTURE(format_name(second));
      ScratchFolder folder;
      const std::string a = folder.file(file_name(first, "a"));
      const std::string b = folder.file(file_name(second, "b"));
      save_vectors(model, a);
      save_vectors(load_vectors(a), b);
      check_same_words_and_values(model, load_vectors(b));
    }
  }
}

TEST_CASE("the reserved rows' values survive where the format keeps them") {
  EmbeddingModel model = corner_model();
  model.vectors.row(0).setConstant(0.5f);
  model.vectors.row(1).setConstant(-2.0f);
  ScratchFolder folder;
  SUBCASE("emb and npy keep rows 0 and 1") {
    save_vectors(model, folder.file("m.npy"));
    save_vectors(load_vectors(folder.file("m.npy")), folder.file("m.emb"));
    check_same_words_and_values(model, load_vectors(folder.file("m.emb")));
  }
  SUBCASE("the other formats leave them out: they come back as zero rows") {
    save_vectors(model, folder.file("m.vec"));
    const EmbeddingModel back = load_vectors(folder.file("m.vec"));
    CHECK(back.vectors.topRows(2).isZero());
    CHECK(same_bits(back.vectors.bottomRows(6), model.vectors.bottomRows(6)));
  }
}

TEST_CASE("float16 for emb and npy: each value rounded once, the same way") {
  EmbeddingModel model = corner_model();
  model.vectors.topRows(4).setConstant(0.25f);  // the corner values are beyond float16
  ScratchFolder folder;
  save_vectors(model, folder.file("h.emb"), {std::nullopt, Dtype::float16});
  save_vectors(model, folder.file("h.npy"), {std::nullopt, Dtype::float16});
  const EmbeddingModel from_emb = load_vectors(folder.file("h.emb"));
  check_same_words_and_values(from_emb, load_vectors(folder.file("h.npy")));
  // float16 keeps 11 significant bits: a relative error of at most 2^-11.
  const Matrix error = (from_emb.vectors - model.vectors).cwiseAbs();
  CHECK((error.array() <= model.vectors.array().abs() * std::ldexp(1.0f, -11)).all());
  CHECK(read_text_file(folder.file("h.npy")).find("'descr': '<f2'") != std::string::npos);
}

TEST_CASE("NaN survives every format (its payload bits only the binary ones)") {
  EmbeddingModel model = corner_model();
  model.vectors(4, 2) = std::numeric_limits<float>::quiet_NaN();
  for (VectorFormat format : kAll) {
    CAPTURE(format_name(format));
    ScratchFolder folder;
    save_vectors(model, folder.file(file_name(format, "n")));
    CHECK(std::isnan(load_vectors(folder.file(file_name(format, "n"))).vectors(4, 2)));
  }
}

TEST_CASE("a model with no words, and one with a single dimension") {
  EmbeddingModel empty;
  empty.vectors = Matrix::Zero(2, 3);
  EmbeddingModel narrow;
  narrow.vocabulary.add("one", 0);
  narrow.vocabulary.add("two", 0);
  narrow.vectors = Matrix::Zero(4, 1);
  narrow.vectors(2, 0) = 1.5f;
  narrow.vectors(3, 0) = -2.5f;
  for (VectorFormat format : kAll) {
    CAPTURE(format_name(format));
    ScratchFolder folder;
    const std::string path = folder.file(file_name(format, "x"));
    save_vectors(narrow, path);
    check_same_words_and_values(narrow, load_vectors(path));
    save_vectors(empty, path);
    CHECK(load_vectors(path).vocabulary.word_count() == 0);
  }
}

TEST_CASE("--limit reads the first N words of every format") {
  const EmbeddingModel model = corner_model();
  for (VectorFormat format : kAll) {
    CAPTURE(format_name(format));
    ScratchFolder folder;
    const std::string path = folder.file(file_name(format, "l"));
    save_vectors(model, path);
    for (std::uint64_t limit : {0, 1, 2, 5, 6, 100}) {
      CAPTURE(limit);
      LoadOptions options;
      options.limit = limit;
      const EmbeddingModel first = load_vectors(path, options);
      const auto words = static_cast<Eigen::Index>(std::min<std::uint64_t>(limit, 6));
      REQUIRE(first.vectors.rows() == words + 2);
      CHECK(first.vocabulary.word_count() == static_cast<std::size_t>(words));
      CHECK(same_bits(first.vectors, model.vectors.topRows(words + 2)));
      if (words > 0) CHECK(first.vocabulary.word(words + 1) == model.vocabulary.word(words + 1));
    }
  }
}
