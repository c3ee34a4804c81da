// libFuzzer target: the readers of foreign vector files (word2vec text and binary, GloVe text,
// the .npy header). The first byte picks the reader and its options; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <span>

#include "embedtool/errors.h"
#include "embedtool/formats/npy_header.h"
#include "embedtool/formats/text_vectors.h"
#include "embedtool/formats/word2vec_binary.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t choice = data[0];
  const auto file = std::as_bytes(std::span(data + 1, size - 1));
  embedtool::ForeignReadOptions options;
  options.unicode_errors = static_cast<embedtool::UnicodeErrors>((choice >> 2) % 3);
  if (choice & 0x20) options.limit = (choice >> 6) + 1;
  try {
    switch (choice & 3) {
      case 0:
        embedtool::read_text_vectors(file, "fuzz.vec", embedtool::TextHeader::word2vec, options);
        break;
      case 1:
        embedtool::read_text_vectors(file, "fuzz.txt", embedtool::TextHeader::none, options);
        break;
      case 2:
        embedtool::read_word2vec_binary(file, "fuzz.bin", options);
        break;
      default:
        embedtool::decode_npy_header(file, "fuzz.npy");
        break;
    }
  } catch (const embedtool::Error&) {
  }
  return 0;
}
