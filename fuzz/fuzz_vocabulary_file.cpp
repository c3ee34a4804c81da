// libFuzzer target: the vocabulary file reader (word<TAB>count lines).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/vocabulary/vocabulary_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const embedtool::Vocabulary vocabulary = embedtool::read_vocabulary_tsv(input, "fuzz.tsv");
    // What was read must write and read back to the same vocabulary.
    std::ostringstream written;
    embedtool::write_vocabulary_tsv(vocabulary, written);
    std::istringstream again(written.str());
    const embedtool::Vocabulary reread = embedtool::read_vocabulary_tsv(again, "again.tsv");
    if (reread.input_dim() != vocabulary.input_dim()) __builtin_trap();
  } catch (const embedtool::Error&) {
  }
  return 0;
}
