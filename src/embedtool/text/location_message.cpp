#include "embedtool/text/location_message.h"

namespace embedtool {

std::string location_message(std::string_view source, std::uint64_t line,
                             std::optional<std::uint64_t> byte) {
  std::string place;
  auto add_part = [&place](const std::string& part) {
    if (!place.empty()) place += ", ";
    place += part;
  };
  if (line > 0) add_part("line " + std::to_string(line));
  if (byte) add_part("byte " + std::to_string(*byte));
  if (!source.empty()) place = place.empty() ? std::string(source) : std::string(source) + ": " + place;
  return place.empty() ? std::string() : " (" + place + ")";
}

}  // namespace embedtool
