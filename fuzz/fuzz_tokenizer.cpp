// libFuzzer target: line reading, UTF-8 decoding and tokenization, under every option. The first
// byte picks the options; the rest is the text.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  embedtool::TokenizerOptions options;
  options.lowercase = data[0] & 1;
  options.filter_punctuation = data[0] & 2;
  options.unicode_errors = static_cast<embedtool::UnicodeErrors>((data[0] >> 2) % 3);
  std::istringstream input(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  try {
    const embedtool::Tokenizer tokenizer(options);
    embedtool::LineReader reader(input, "fuzz.txt");
    std::string line;
    while (reader.next(line)) {
      const embedtool::TextLocation where{reader.source_name(), reader.line_number(),
                                          reader.line_offset()};
      tokenizer.for_each_token(line, where, [](std::string_view token) {
        if (token.empty()) __builtin_trap();  // empty tokens are never produced
      });
    }
  } catch (const embedtool::Error&) {
  }
  return 0;
}
