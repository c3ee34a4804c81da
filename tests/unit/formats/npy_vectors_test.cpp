// .npy arrays as numpy writes them (hand-built from NEP 1), and broken ones.
#include <doctest/doctest.h>

#include <bit>

#include "embedtool/formats/npy_header.h"
#include "embedtool/formats/npy_vectors.h"
#include "embedtool/formats/save_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

// An .npy file: magic, version, header length (u16 for 1.x, u32 for 2.x), the dict, the data.
std::string npy_file(std::string_view dict, std::string_view data, int major = 1) {
  std::string header(dict);
  header.push_back('\n');
  std::string file = "\x93NUMPY";
  file.push_back(static_cast<char>(major));
  file.push_back('\0');
  const int length_bytes = major == 1 ? 2 : 4;
  for (int i = 0; i < length_bytes; ++i) file.push_back(static_cast<char>((header.size() >> (8 * i)) & 0xff));
  return file + header + std::string(data);
}

template <typename T>
std::string values_of(std::initializer_list<T> values, bool big_endian = false) {
  std::string bytes;
  for (T value : values) {
    const auto bits = std::bit_cast<std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>>(value);
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      const std::size_t shift = 8 * (big_endian ? sizeof(T) - 1 - i : i);
      bytes.push_back(static_cast<char>((bits >> shift) & 0xff));
    }
  }
  return bytes;
}

struct NpyCase {
  ScratchFolder folder;
  std::string words_path = folder.file("words.txt");

  EmbeddingModel read(const std::string& file, std::string_view words = "a\nb\nc\n",
                      ForeignReadOptions options = {}) {
    write_text_file(words_path, words);
    return read_npy_vectors(bytes_of(file), "E.npy", words_path, options);
  }
  void check_rejects(const std::string& file, std::initializer_list<std::string_view> parts,
                     std::string_view words = "a\nb\nc\n") {
    check_message(error_of([&] { read(file, words); }), parts);
  }
};

const std::string k3x2 = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }";

}  // namespace

TEST_CASE("arrays numpy writes: float32, float64, float16, either order, either byte order") {
  NpyCase npy;
  const EmbeddingModel plain = npy.read(npy_file(k3x2, values_of<float>({1, 2, 3, 4, 5, 6})));
  CHECK(plain.vocabulary.word(2) == "a");  // no <pad>/<unk> in the list: rows prepended
  CHECK(plain.vectors(4, 1) == 6.0f);
  CHECK(plain.vectors.row(0).isZero());

  const EmbeddingModel wide = npy.read(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2)}",
                                               values_of<double>({1, 2, 3, 4, 5, 0.1})));
  CHECK(wide.vectors(4, 1) == 0.1f);
  const EmbeddingModel fortran = npy.read(npy_file("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }",
                                                  values_of<float>({1, 3, 5, 2, 4, 6})));
  CHECK(same_bits(fortran.vectors, plain.vectors));
  const EmbeddingModel big = npy.read(npy_file("{'descr': '>f4', 'fortran_order': False, 'shape': (3L, 2L), }",
                                              values_of<float>({1, 2, 3, 4, 5, 6}, true)));
  CHECK(same_bits(big.vectors, plain.vectors));
  const EmbeddingModel version2 = npy.read(npy_file(k3x2, values_of<float>({1, 2, 3, 4, 5, 6}), 2));
  CHECK(same_bits(version2.vectors, plain.vectors));
  const std::string halves("\x00\x3c\x00\x40\x00\x42\x00\x44\x00\x45\x00\x46", 12);  // 1 to 6
  const EmbeddingModel half = npy.read(npy_file("{'descr': '<f2', 'fortran_order': False, 'shape': (3, 2), }",
                                               halves));
  CHECK(same_bits(half.vectors, plain.vectors));
}

TEST_CASE("the word list: one word per row, or two fewer for a Keras-style array") {
  NpyCase npy;
  const std::string file = npy_file(k3x2, values_of<float>({1, 2, 3, 4, 5, 6}));
  SUBCASE("<pad> and <unk> first: those rows are the model's reserved rows") {
    const EmbeddingModel model = npy.read(file, "<pad>\n<unk>\nword\n");
    CHECK(model.vocabulary.word_count() == 1);
    CHECK(model.vectors(0, 0) == 1.0f);
    CHECK(model.vectors(2, 1) == 6.0f);
  }
  SUBCASE("one word for a 3-row array: rows 0 and 1 are reserved, as `embedtool vocab` lists") {
    const EmbeddingModel model = npy.read(file, "word\t17\n");
    CHECK(model.vocabulary.word(2) == "word");
    CHECK(model.vocabulary.count(2) == 17);  // "word<TAB>count" lines keep their counts
    CHECK(model.vectors(1, 1) == 4.0f);
  }
  npy.check_rejects(file, {"word list", "has 2 words, but the array in E.npy has 3 rows"}, "a\nb\n\n\n");
  npy.check_rejects(file, {"a word, a tab and its count", "\"many\"", "line 2"}, "a\nb\tmany\nc\n");
  npy.check_rejects(file, {"the word \"a\" appears twice, first at line 1", "line 3"}, "a\nb\na\n");
  npy.check_rejects(file, {"a word is empty", "line 2"}, "a\n\nc\n");
}

TEST_CASE("broken .npy files") {
  NpyCase npy;
  const std::string data = values_of<float>({1, 2, 3, 4, 5, 6});
  npy.check_rejects("PK\x03\x04 a zip, maybe an .npz", {"is not a numpy .npy file"});
  npy.check_rejects(npy_file(k3x2, data).substr(0, 9), {"truncated inside its .npy header"});
  npy.check_rejects(npy_file(k3x2, data, 4), {"format version 4", "reads versions 1 to 3"});
  npy.check_rejects(npy_file(k3x2, data).substr(0, 30), {"truncated: its .npy header says"});
  npy.check_rejects(npy_file(k3x2, data.substr(0, 20)), {"E.npy is truncated", "needs 24 bytes", "has 20"});
  npy.check_rejects(npy_file(k3x2, data + "xx"), {"E.npy has the wrong size"});
  npy.check_rejects(npy_file("{'descr': '<i8', 'fortran_order': False, 'shape': (3, 1), }", data),
                    {"numpy type \"<i8\"", "float16, float32 and float64"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1, 2), }", data),
                    {"3-dimensional array"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", data),
                    {"1-dimensional array"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': Nope, 'shape': (3, 2), }", data),
                    {"not the dict numpy writes", "no True or False"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'shape': (3, 2), }", data), {"no 'descr', 'fortran_order' or 'shape'"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), 'extra': 1}", data),
                    {"an unknown key \"extra\""});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999, 2)}", data),
                    {"a dimension beyond 2^64"});
  npy.check_rejects(npy_file("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 8)}", data),
                    {"needs more than 2^64 bytes"});
  npy.check_rejects(npy_file("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1)}",
                             values_of<double>({1, 1e300, 2})),
                    {"float64 value at row 1, column 0 is beyond the float32 range"});
}

TEST_CASE("what embedtool writes is what numpy writes") {
  const std::string header = encode_npy_header("<f4", 1000, 300);
  CHECK(header.size() % 64 == 0);
  CHECK(header.ends_with(" \n"));
  const NpyHeader parsed = decode_npy_header(bytes_of(header), "E.npy");
  CHECK(parsed.descr == "<f4");
  CHECK_FALSE(parsed.fortran_order);
  CHECK(parsed.shape == std::vector<std::uint64_t>{1000, 300});
  CHECK(parsed.data_offset == header.size());

  ScratchFolder folder;
  save_vectors(corner_model(), folder.file("E.npy"));
  CHECK(read_text_file(folder.file("E.vocab.txt")) == "<pad>\n<unk>\nthe\ncafé\n日本語\n😀\nnaïve\nx\n");
  CHECK(npy_word_list_path("dir/E.npy") == "dir/E.vocab.txt");
  CHECK(npy_word_list_path("dir/matrix") == "dir/matrix.vocab.txt");
}
