// libFuzzer target: the fastText reader (.bin, and quantized .ftz: the seeds hold both) must
// reject any byte string with embedtool::Error, never crash, read outside the input or allocate
// before checking sizes. Inputs that parse have every word's vector and an unknown word's n-gram
// vector computed, which reads (or decodes) the rows the dictionary, the pruned pairs and the
// hash address.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto raw = std::as_bytes(std::span(data, size));
  // A copy of exactly `size` bytes, so that AddressSanitizer sees any read past the end.
  const std::vector<std::byte> bytes(raw.begin(), raw.end());
  try {
    const embedtool::FastTextModel model(bytes, "fuzz.bin");
    for (std::uint64_t id = 0; id < model.rows() && id < 64; ++id) {
      (void)model.row(static_cast<embedtool::WordId>(id));
    }
    (void)model.subword_vector("unseen\xc3\xa9");
    (void)model.load({});
  } catch (const embedtool::Error&) {
  }
  return 0;
}
