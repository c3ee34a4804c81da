// lookup's answers end to end through LookupOutput into a file: tsv headers only when asked,
// .npy arrays whose shape is known only at the end, and nothing visible before commit.
#include "embedtool/formats/lookup_output.h"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <vector>

#include "embedtool/formats/neighbours_output.h"
#include "embedtool/formats/npy_header.h"
#include "embedtool/formats/sequence_rows_output.h"
#include "embedtool/formats/similarity_output.h"
#include "embedtool/formats/vector_rows_output.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

// The header and the float32 values of an .npy file.
std::pair<NpyHeader, std::vector<float>> read_npy(const std::string& path) {
  const std::string bytes = read_text_file(path);
  const NpyHeader header = decode_npy_header(bytes_of(bytes), path);
  std::vector<float> values((bytes.size() - header.data_offset) / sizeof(float));
  // An empty array's data() may be null, which memcpy must not be given even for 0 bytes.
  if (!values.empty())
    std::memcpy(values.data(), bytes.data() + header.data_offset, values.size() * sizeof(float));
  return {header, values};
}

}  // namespace

TEST_CASE("vector rows go out as tsv with a header line, and only on commit") {
  const ScratchFolder folder;
  const std::string path = folder.file("rows.tsv");
  LookupOutput output(path, {OutputFormat::tsv, std::nullopt, true});
  VectorRowsWriter rows(output, 2);
  rows.write({"cat", 2, Eigen::RowVector2f(1, -0.5f)});
  output.end_of_line(false);
  rows.write({"emu", std::nullopt, Eigen::RowVector2f(0, 0)});
  CHECK_FALSE(std::filesystem::exists(path));  // written atomically
  rows.finish();
  CHECK(read_text_file(path) == "word\tv1\tv2\ncat\t1\t-0.5\nemu\t0\t0\n");
}

TEST_CASE("the header is written for tsv only") {
  const ScratchFolder folder;
  const std::pair<OutputFormat, std::string> without_header[] = {
      {OutputFormat::text, "a\tb\t0.5\n"},
      {OutputFormat::json, "{\"word1\":\"a\",\"word2\":\"b\",\"similarity\":0.5}\n"}};
  for (const auto& [format, expected] : without_header) {
    const std::string path = folder.file("out");
    LookupOutput output(path, {format, std::nullopt, true});
    SimilarityWriter similarities(output);
    similarities.write("a", "b", 0.5f);
    output.finish();
    CHECK(read_text_file(path) == expected);
  }
  const std::string path = folder.file("with-header");
  LookupOutput output(path, {OutputFormat::tsv, std::nullopt, true});
  SimilarityWriter similarities(output);
  similarities.write("a", "b", 0.5f);
  output.finish();
  CHECK(read_text_file(path) == "word1\tword2\tsimilarity\na\tb\t0.5\n");
}

TEST_CASE("vector rows as .npy: a float32 array of shape (rows, dims)") {
  const ScratchFolder folder;
  const std::string path = folder.file("rows.npy");
  LookupOutput output(path, {OutputFormat::npy, std::nullopt, false});
  CHECK(output.is_npy());
  VectorRowsWriter rows(output, 3);
  rows.write({"a", 2, Eigen::RowVector3f(1, 2, 3)});
  rows.write({"b", 3, Eigen::RowVector3f(-1, 0.5f, 0)});
  rows.finish();
  const auto [header, values] = read_npy(path);
  CHECK(header.descr == "<f4");
  CHECK(header.shape == std::vector<std::uint64_t>{2, 3});
  CHECK(values == std::vector<float>{1, 2, 3, -1, 0.5f, 0});
}

TEST_CASE("sequence rows as .npy: shape (sequences, length, dims); tsv a line per position") {
  const ScratchFolder folder;
  const std::vector<WordId> ids = {2, 0};
  Matrix rows(2, 2);
  rows << 1, 2, 0, 0;
  {
    const std::string path = folder.file("y.npy");
    LookupOutput output(path, {OutputFormat::npy, std::nullopt, false});
    SequenceRowsWriter sequences(output, 2);
    for (int i = 0; i < 3; ++i) sequences.write(ids, rows);
    sequences.finish(2);
    const auto [header, values] = read_npy(path);
    CHECK(header.shape == std::vector<std::uint64_t>{3, 2, 2});
    CHECK(values == std::vector<float>{1, 2, 0, 0, 1, 2, 0, 0, 1, 2, 0, 0});
  }
  {
    const std::string path = folder.file("y.tsv");
    LookupOutput output(path, {OutputFormat::tsv, std::nullopt, true});
    SequenceRowsWriter sequences(output, 2);
    sequences.write(ids, rows);
    sequences.write(ids, rows);
    sequences.finish(2);
    // The sequence index counts up from 0.
    CHECK(read_text_file(path) ==
          "sequence\tposition\tid\tv1\tv2\n"
          "0\t0\t2\t1\t2\n0\t1\t0\t0\t0\n1\t0\t2\t1\t2\n1\t1\t0\t0\t0\n");
  }
}

TEST_CASE("an empty .npy output is an array of shape (0, dims)") {
  const ScratchFolder folder;
  const std::string path = folder.file("none.npy");
  LookupOutput output(path, {OutputFormat::npy, std::nullopt, false});
  VectorRowsWriter rows(output, 4);
  rows.finish();
  const auto [header, values] = read_npy(path);
  CHECK(header.shape == std::vector<std::uint64_t>{0, 4});
  CHECK(values.empty());
}

TEST_CASE("neighbours go out one answer after another") {
  const ScratchFolder folder;
  const std::string path = folder.file("n.json");
  Vocabulary vocabulary;
  vocabulary.add("queen", 1);
  LookupOutput output(path, {OutputFormat::json, 2, false});
  NeighboursWriter neighbours(output);
  neighbours.write({"king", {{2, 0.123f}}}, vocabulary);
  neighbours.write({"emu", {}}, vocabulary);
  output.finish();
  CHECK(read_text_file(path) ==
        "{\"query\":\"king\",\"neighbours\":[{\"word\":\"queen\",\"similarity\":0.12}]}\n"
        "{\"query\":\"emu\",\"neighbours\":[]}\n");
}
