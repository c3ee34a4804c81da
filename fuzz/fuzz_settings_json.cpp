// libFuzzer target: the JSON settings-file parser behind --config.
#include <cstddef>
#include <cstdint>
#include <string>

#include "embedtool/errors.h"
#include "settings_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    embedtool::cli::parse_settings(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.json");
  } catch (const embedtool::Error&) {
  }
  return 0;
}
