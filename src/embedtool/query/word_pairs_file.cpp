#include "embedtool/query/word_pairs_file.h"

#include <charconv>
#include <cmath>

#include "embedtool/errors.h"
#include "embedtool/query/eval_line_fields.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/location_message.h"
#include "embedtool/text/utf8.h"

namespace embedtool {
namespace {

// Decimal text as people write scores ("7.35", "+7", "1e-1"); nullopt for anything else,
// including "nan" and "inf", which no human judgement is.
std::optional<double> parse_score(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::vector<WordPair> read_word_pairs(std::istream& input, const std::string& source_name) {
  LineReader reader(input, source_name);
  std::vector<WordPair> pairs;
  std::string line;
  while (reader.next(line)) {
    const std::vector<std::string_view> fields = split_eval_fields(line);
    if (fields.empty() || fields.front().starts_with('#')) continue;
    const std::string where = location_message(source_name, reader.line_number());
    if (fields.size() != 3) {
      throw Error(
          "malformed word pair: expected 3 fields (word1 word2 score) separated by "
          "spaces or tabs, found " +
          std::to_string(fields.size()) + where);
    }
    if (!utf8::is_valid(fields[0]) || !utf8::is_valid(fields[1])) {
      throw Error("malformed word pair: a word is not valid UTF-8" + where);
    }
    const std::optional<double> score = parse_score(fields[2]);
    if (!score) {
      throw Error("malformed word pair: the score \"" + std::string(fields[2]) +
                  "\" is not a number" + where);
    }
    pairs.push_back({std::string(fields[0]), std::string(fields[1]), *score, reader.line_number()});
  }
  if (pairs.empty()) {
    throw Error("no word pairs in " + source_name + " (expected `word1 word2 score` lines)");
  }
  return pairs;
}

}  // namespace embedtool
