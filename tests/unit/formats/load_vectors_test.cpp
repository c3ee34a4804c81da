// The one loader: formats told from names, usage errors, files that are not what they say.
#include <doctest/doctest.h>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/save_vectors.h"
#include "embedtool/formats/vector_format.h"
#include "embedtool/storage/mapped_model.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

TEST_CASE("formats from file names") {
  ScratchFolder folder;
  write_text_file(folder.file("w2v.txt"), "1 2\nthe 1 2\n");
  write_text_file(folder.file("glove.vec"), "the 1 2\n");
  CHECK(format_for_reading(folder.file("w2v.txt")) == VectorFormat::word2vec_text);
  CHECK(format_for_reading(folder.file("glove.vec")) == VectorFormat::glove);
  CHECK(format_for_reading("m.EMB") == VectorFormat::emb);
  CHECK(format_for_reading("GoogleNews-vectors-negative300.bin") == VectorFormat::word2vec_binary);
  CHECK(format_for_reading("E.npy") == VectorFormat::npy);
  CHECK(format_for_reading("vectors.tsv") == VectorFormat::projector);
  CHECK(format_for_reading(folder.path().string()) == VectorFormat::projector);
  CHECK_FALSE(format_for_reading("-"));
  CHECK_FALSE(format_for_reading("vectors.gz"));
  CHECK(format_for_writing("out.vec") == VectorFormat::word2vec_text);
  CHECK(format_for_writing("out.txt") == VectorFormat::glove);
  CHECK(format_for_writing("new-folder/") == VectorFormat::projector);
  CHECK(text_format_from_first_line("3000000 300\r") == VectorFormat::word2vec_text);
  CHECK(text_format_from_first_line("3000000 300 ") == VectorFormat::word2vec_text);
  CHECK(text_format_from_first_line("1 0.5") == VectorFormat::glove);
  CHECK(format_from_name("word2vec-binary") == VectorFormat::word2vec_binary);
  CHECK(format_from_name("fasttext") == VectorFormat::fasttext);
  CHECK_FALSE(format_from_name("fasttext-bin"));
  CHECK(format_for_reading("model.ftz") == VectorFormat::fasttext);  // quantized: fasttext_quantized_test.cpp
}

TEST_CASE("usage errors: no format, --vocab where no word list is read, outputs that cannot be") {
  auto usage_error = [](auto action) {
    try {
      action();
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    FAIL_CHECK("expected a UsageError");
    return std::string();
  };
  check_message(usage_error([] { load_vectors("vectors.gz"); }), {"cannot tell the format of vectors.gz", "--from"});
  LoadOptions with_vocab;
  with_vocab.vocab_path = "words.txt";
  check_message(usage_error([&] { load_vectors("m.bin", with_vocab); }), {"--vocab", "word2vec-binary"});
  check_message(usage_error([] { format_to_write("-", {VectorFormat::npy, Dtype::float32}); }),
                {"npy output is two files", "standard output"});
  check_message(usage_error([] { format_to_write("m.bin", {std::nullopt, Dtype::float16}); }),
                {"--dtype float16 is for emb and npy", "word2vec-binary"});
  check_message(usage_error([] { format_to_write("out.xyz", {}); }), {"--to"});
}

TEST_CASE("a file that is not what its name says is named for what it is") {
  ScratchFolder folder;
  save_vectors(corner_model(), folder.file("m.emb"));
  std::filesystem::copy_file(folder.file("m.emb"), folder.file("m.bin"));
  check_message(error_of([&] { load_vectors(folder.file("m.bin")); }),
                {"is an embedtool model (.emb)", "use --from emb"});
  save_vectors(corner_model(), folder.file("E.npy"));
  std::filesystem::copy_file(folder.file("E.npy"), folder.file("E.txt"));
  check_message(error_of([&] { load_vectors(folder.file("E.txt")); }), {"is a numpy .npy file", "--from npy"});
  write_text_file(folder.file("ft.vec"), std::string("\xba\x16\x4f\x2f\x0c\x00\x00\x00", 8));
  LoadOptions as_word2vec;
  as_word2vec.format = VectorFormat::word2vec_binary;
  check_message(error_of([&] { load_vectors(folder.file("ft.vec"), as_word2vec); }),
                {"is a fastText model (.bin)", "use --from fasttext"});
  write_text_file(folder.file("ft.bin"), std::string("\xba\x16\x4f\x2f\x0c\x00\x00\x00", 8));
  check_message(error_of([&] { load_vectors(folder.file("ft.bin")); }), {"ft.bin is truncated"});
  check_message(error_of([&] { load_vectors(folder.file("missing.vec")); }), {"cannot open", "missing.vec"});
  check_message(error_of([&] { load_vectors(folder.file("E.npy"), {VectorFormat::npy, {}, folder.file("nope.txt")}); }),
                {"cannot open", "nope.txt"});
}

TEST_CASE("open_vectors maps an .emb file and loads the others") {
  ScratchFolder folder;
  const EmbeddingModel model = corner_model();
  save_vectors(model, folder.file("m.emb"));
  save_vectors(model, folder.file("m.vec"));
  for (const char* name : {"m.emb", "m.vec"}) {
    CAPTURE(name);
    const auto table = open_vectors(folder.file(name));
    CHECK(table->rows() == 8);
    CHECK(table->dims() == 4);
    CHECK(table->id_of("日本語") == 4);
    CHECK(table->word(7) == "x");
    CHECK(same_bits(Matrix(table->row(3)), Matrix(model.vectors.row(3))));
    LoadOptions limited;
    limited.limit = 2;
    CHECK_FALSE(open_vectors(folder.file(name), limited)->id_of("日本語"));
  }
  CHECK(dynamic_cast<const MappedModel*>(open_vectors(folder.file("m.emb")).get()) != nullptr);
}

TEST_CASE("load_vectors_with_subwords leaves a subword .emb's n-gram rows in the mapping") {
  ScratchFolder folder;
  EmbeddingModel model = corner_model();
  model.vectors.row(3).setConstant(0.5f);  // finite: the subword model is saved as trained
  model.metadata["minn"] = 2;
  model.metadata["maxn"] = 3;
  model.buckets = BucketRows{kCharNgramsKind, Matrix::Constant(16, 4, 0.25f)};
  save_model(model, folder.file("sub.emb"));

  const VectorsWithSubwords loaded = load_vectors_with_subwords(folder.file("sub.emb"));
  CHECK_FALSE(loaded.model.buckets.has_value());  // not copied: the table reads them in place
  REQUIRE(loaded.subwords != nullptr);
  CHECK(same_bits(loaded.model.vectors, model.vectors));
  CHECK(loaded.model.vocabulary.id_of("日本語") == 4);
  // An unseen word's vector is the mean of its n-grams' rows, all 0.25 here.
  const auto unseen = loaded.subwords->subword_vector("zzzz");
  REQUIRE(unseen.has_value());
  CHECK((*unseen).isApproxToConstant(0.25f));

  LoadOptions limited;
  limited.limit = 2;
  const VectorsWithSubwords first_two = load_vectors_with_subwords(folder.file("sub.emb"), limited);
  CHECK(first_two.model.vectors.rows() == 4);
  CHECK_FALSE(first_two.model.buckets.has_value());
  CHECK(first_two.subwords != nullptr);
  // Every other reader still gets the whole model.
  CHECK(load_vectors(folder.file("sub.emb")).buckets->rows.rows() == 16);
}
