// save_model / load_model against real files.
#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

TEST_CASE("save_model then load_model gives the model back") {
  ScratchFolder folder;
  const std::string path = folder.file("model.emb");
  const EmbeddingModel model = sample_model();
  save_model(model, path);
  CHECK(folder.names() == std::vector<std::string>{"model.emb"});  // no temporary file left

  const std::string on_disk = read_text_file(path);
  const auto expected = serialize_model(model);
  REQUIRE(on_disk.size() == expected.size());
  CHECK(std::equal(expected.begin(), expected.end(), on_disk.begin(),
                   [](std::byte a, char b) { return a == std::byte(static_cast<unsigned char>(b)); }));

  const EmbeddingModel back = load_model(path);
  check_same_vocabulary(model.vocabulary, back.vocabulary);
  CHECK(same_bits(model.vectors, back.vectors));
  CHECK(back.metadata == model.metadata);
}

TEST_CASE("saving over an existing model replaces it") {
  ScratchFolder folder;
  const std::string path = folder.file("model.emb");
  save_model(sample_model(), path);
  EmbeddingModel smaller;
  smaller.vectors = Matrix::Ones(2, 2);
  save_model(smaller, path);
  CHECK(load_model(path).vocabulary.word_count() == 0);
  CHECK(folder.names() == std::vector<std::string>{"model.emb"});
}

TEST_CASE("files that cannot be loaded") {
  ScratchFolder folder;
  SUBCASE("missing") {
    const std::string path = folder.file("model.emb");
    check_message(error_of([&] { load_model(path); }),
                  {"cannot open " + path + ": No such file or directory"});
  }
  SUBCASE("a folder") {
    check_message(error_of([&] { load_model(folder.path().string()); }),
                  {"cannot open " + folder.path().string() + ": Is a directory"});
  }
  SUBCASE("a text file") {
    const std::string path = folder.file("x.txt");
    write_text_file(path, "the quick brown fox\n");
    check_message(error_of([&] { load_model(path); }),
                  {path + " is not an embedtool model (bad magic: expected 89 45 4d 42, found 74 68 65 20)"});
  }
  SUBCASE("an empty file") {
    const std::string path = folder.file("empty.emb");
    write_text_file(path, "");
    check_message(error_of([&] { load_model(path); }), {path + " is not an embedtool model (the file is empty)"});
  }
}

TEST_CASE("a failed save leaves the old model in place") {
  ScratchFolder folder;
  const std::string path = folder.file("model.emb");
  save_model(sample_model(), path);
  const std::string before = read_text_file(path);

  SUBCASE("the model is inconsistent") {
    EmbeddingModel broken = sample_model();
    broken.vectors = Matrix::Zero(1, 1);
    check_message(error_of([&] { save_model(broken, path); }), {"cannot save " + path});
  }
  SUBCASE("the disk refuses the data midway") {
    EmbeddingModel large = sample_model();
    large.vectors = Matrix::Zero(static_cast<Eigen::Index>(large.vocabulary.input_dim()), 20000);
    std::string message;
    {
      FileSizeLimit limit(4096);
      message = error_of([&] { save_model(large, path); });
    }
    check_message(message, {"cannot write " + path + ": File too large"});
  }
  CHECK(read_text_file(path) == before);
  CHECK(folder.names() == std::vector<std::string>{"model.emb"});
}
