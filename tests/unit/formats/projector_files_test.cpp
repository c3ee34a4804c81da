// TensorBoard projector files: paths, metadata with and without a header, broken pairs.
#include <doctest/doctest.h>

#include "embedtool/formats/projector_files.h"
#include "embedtool/formats/save_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

TEST_CASE("which files a projector path names") {
  ScratchFolder folder;
  const ProjectorPaths in_folder = projector_paths(folder.path().string());
  CHECK(in_folder.vectors == folder.file("vectors.tsv"));
  CHECK(in_folder.metadata == folder.file("metadata.tsv"));
  CHECK(projector_paths("out/").metadata == "out/metadata.tsv");
  CHECK(projector_paths("a/vectors.tsv").metadata == "a/metadata.tsv");
  CHECK(projector_paths("a/E.tsv").metadata == "a/E.metadata.tsv");
}

TEST_CASE("the files embedtool writes are what the projector loads") {
  ScratchFolder folder;
  EmbeddingModel model = formats_test::corner_model();
  model.vectors.row(2).setConstant(0.5f);
  model.vectors.row(3).setConstant(-1.0f);
  save_vectors(model, folder.file("p/"));
  CHECK(read_text_file(folder.file("p/metadata.tsv")) == "the\ncafé\n日本語\n😀\nnaïve\nx\n");
  const std::string vectors = read_text_file(folder.file("p/vectors.tsv"));
  CHECK(vectors.starts_with("0.5\t0.5\t0.5\t0.5\n-1\t-1\t-1\t-1\n"));
}

TEST_CASE("reading: several metadata columns, mismatched files") {
  ScratchFolder folder;
  const std::string vectors = folder.file("vectors.tsv");
  const std::string metadata = folder.file("metadata.tsv");
  write_text_file(vectors, "1\t2\n3\t4\n");
  auto read = [&] { return read_projector_files(vectors, metadata, {}); };

  write_text_file(metadata, "word\tfrequency\ncat\t10\ndog\t5\n");  // a header, then rows
  CHECK(read().vocabulary.word(3) == "dog");
  write_text_file(metadata, "cat\ndog\n");
  CHECK(read().vectors(3, 1) == 4.0f);

  write_text_file(metadata, "cat\n");
  check_message(error_of(read), {"vectors.tsv has more rows than the 1 words of", "line 2"});
  write_text_file(metadata, "cat\ndog\nemu\n");
  check_message(error_of(read), {"vectors.tsv has 2 rows, but", "metadata.tsv names 3 words"});
  write_text_file(metadata, "cat\ndog\tx\n");
  check_message(error_of(read), {"a tab in a one-column metadata file", "line 2"});
  write_text_file(metadata, "cat\ndog\n");
  write_text_file(vectors, "1\t2\n3\n");
  check_message(error_of(read), {"the row has 1 numbers, expected 2 as on line 1", "vectors.tsv: line 2"});
  write_text_file(vectors, "1\t2\n3\tx\n");
  check_message(error_of(read), {"\"x\", is not a float32 number", "line 2, byte 6"});
  write_text_file(vectors, "1 2\n3 4\n");  // spaces are no separators here
  check_message(error_of(read), {"\"1 2\", is not a float32 number"});
}
