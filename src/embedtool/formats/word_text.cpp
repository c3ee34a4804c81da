#include "embedtool/formats/word_text.h"

#include "embedtool/errors.h"
#include "embedtool/text/location_message.h"
#include "embedtool/text/utf8.h"

namespace embedtool {

std::string word_from_bytes(std::string_view raw, UnicodeErrors errors, std::string_view source,
                            std::uint64_t line, std::uint64_t raw_offset) {
  std::string word;
  word.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  std::size_t at = 0;
  while (at < raw.size()) {
    const utf8::DecodedChar decoded = utf8::decode(bytes + at, raw.size() - at);
    if (decoded.valid) {
      word.append(raw.substr(at, decoded.length));
    } else if (errors == UnicodeErrors::strict) {
      throw Error("a word is not valid UTF-8 (use --unicode-errors replace or ignore to read it "
                  "anyway)" + location_message(source, line, raw_offset + at));
    } else if (errors == UnicodeErrors::replace) {
      utf8::append(word, utf8::kReplacementCharacter);
    }
    at += decoded.length;
  }
  if (word.empty()) {
    throw Error(std::string(raw.empty() ? "a word is empty" : "a word is empty once its invalid "
                                                               "UTF-8 is dropped") +
                location_message(source, line, raw_offset));
  }
  return word;
}

}  // namespace embedtool
