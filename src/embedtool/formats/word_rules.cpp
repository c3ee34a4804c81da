#include "embedtool/formats/word_rules.h"

#include <string>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

const char* separator_name(char c) {
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (c == '\n' || c == '\r') return "a line break";
  return "whitespace";
}

}  // namespace

void check_word_writable(std::string_view word, WordId id, std::string_view format,
                         const std::string& destination, std::string_view separators) {
  const std::size_t bad = word.find_first_of(separators);
  if (bad == std::string_view::npos) return;
  throw Error("cannot write " + destination + " as " + std::string(format) + ": the word " +
              embedtool::quoted(word) + " of row " + std::to_string(id) + " contains " +
              separator_name(word[bad]) + ", which the format uses as a separator");
}

}  // namespace embedtool
