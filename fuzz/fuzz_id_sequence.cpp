// libFuzzer target: the integer-sequence reader of `pad` and `lookup --batch`, and padding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/sequences/id_sequence_parser.h"
#include "embedtool/sequences/padding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  try {
    const embedtool::Sequence ids = embedtool::parse_id_sequence(line, {"fuzz.txt", 1, 0});
    embedtool::PaddingOptions options;
    const std::size_t length = size % 7;
    options.padding = size & 1 ? embedtool::PadSide::post : embedtool::PadSide::pre;
    options.truncating = size & 2 ? embedtool::PadSide::post : embedtool::PadSide::pre;
    if (embedtool::pad_sequence(ids, length, options).size() != length) __builtin_trap();
  } catch (const embedtool::Error&) {
  }
  return 0;
}
