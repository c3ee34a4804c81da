#include "embedtool/vocabulary/vocabulary_io.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/location_message.h"
#include "embedtool/text/utf8.h"
#include "embedtool/text/word_separators.h"

namespace embedtool {
namespace {

// Words and counts are quoted in messages; a corrupt file may hold megabytes on one line.
std::string quoted(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::size_t shown = text.size();
  if (shown > kMaxShown) {
    shown = kMaxShown;
    // Cut before a character, never inside one.
    while (shown > 0 && (static_cast<unsigned char>(text[shown]) & 0xC0) == 0x80) --shown;
  }
  std::string result = "'";
  result.append(text.substr(0, shown));
  if (shown < text.size()) result += "...";
  result += '\'';
  return result;
}

// Why a word cannot be a vocabulary entry, or nullptr when it can. The tokenizer never makes
// such words, and the file format could not hold them.
const char* word_problem(std::string_view word) {
  if (word.empty()) return "empty word";
  if (!utf8::is_valid(word)) return "the word is not valid UTF-8";
  if (find_space_or_control(word) != std::string_view::npos) {
    return "the word contains whitespace or a control character";
  }
  return nullptr;
}

class TsvLineParser {
 public:
  TsvLineParser(const std::string& source_name, std::uint64_t line_number)
      : source_name_(source_name), line_number_(line_number) {}

  [[noreturn]] void fail(const std::string& reason) const {
    throw Error("malformed vocabulary line: " + reason +
                location_message(source_name_, line_number_));
  }

  std::uint64_t parse_count(std::string_view text) const {
    if (text.empty()) fail("no count after the tab");
    std::uint64_t count = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, count);
    if (error == std::errc::result_out_of_range) {
      fail("the count " + quoted(text) + " is too large (at most " +
           std::to_string(std::numeric_limits<std::uint64_t>::max()) + ")");
    }
    if (error != std::errc() || stop != end) {
      const bool negative = text.front() == '-' && text.size() > 1 &&
                            text.find_first_not_of("0123456789", 1) == std::string_view::npos;
      fail("the count " + quoted(text) +
           (negative ? " is negative" : " is not a whole number"));
    }
    return count;
  }

 private:
  const std::string& source_name_;
  std::uint64_t line_number_;
};

}  // namespace

void write_vocabulary_tsv(const Vocabulary& vocabulary, std::ostream& out) {
  std::string line;
  char digits[std::numeric_limits<std::uint64_t>::digits10 + 1];
  for (WordId id = kFirstWordId; static_cast<std::size_t>(id) < vocabulary.input_dim(); ++id) {
    const std::string_view word = vocabulary.word(id);
    if (const char* problem = word_problem(word)) {
      throw Error("cannot write the word " + quoted(word) + " (id " + std::to_string(id) +
                  ") to a vocabulary file: " + problem);
    }
    const auto [digits_end, error] = std::to_chars(digits, std::end(digits), vocabulary.count(id));
    line.assign(word);
    line += '\t';
    line.append(digits, digits_end);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  out.flush();
  if (!out) throw Error("cannot write the vocabulary: the output stream failed");
}

Vocabulary read_vocabulary_tsv(std::istream& in, const std::string& source_name) {
  LineReader reader(in, source_name);
  Vocabulary vocabulary;
  std::string line;
  std::uint64_t first_empty_line = 0;  // empty lines may only end the file
  while (reader.next(line)) {
    if (line.empty()) {
      if (first_empty_line == 0) first_empty_line = reader.line_number();
      continue;
    }
    if (first_empty_line != 0) {
      TsvLineParser(source_name, first_empty_line).fail("empty line (only allowed at the end)");
    }
    const TsvLineParser parser(source_name, reader.line_number());
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) parser.fail("no tab between word and count");
    const std::string_view word = std::string_view(line).substr(0, tab);
    const std::string_view count_text = std::string_view(line).substr(tab + 1);
    if (count_text.find('\t') != std::string_view::npos) {
      parser.fail("more than one tab (expected word<TAB>count)");
    }
    if (const char* problem = word_problem(word)) parser.fail(problem);
    const std::uint64_t count = parser.parse_count(count_text);
    if (const auto existing = vocabulary.id_of(word)) {
      // Line k holds id k + 1, and no empty line can come before a word.
      parser.fail("duplicate word " + quoted(word) + " (first on line " +
                  std::to_string(*existing - 1) + ")");
    }
    if (count > std::numeric_limits<std::uint64_t>::max() - vocabulary.total_count()) {
      parser.fail("the counts add up to more than " +
                  std::to_string(std::numeric_limits<std::uint64_t>::max()));
    }
    vocabulary.add(std::string(word), count);
  }
  return vocabulary;
}

bool looks_like_vocabulary_file(const std::string& path) {
  std::error_code error;
  if (path == "-" || !std::filesystem::is_regular_file(path, error)) return false;
  std::ifstream file(path, std::ios::binary);
  std::string line;
  if (!std::getline(file, line)) return false;
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::size_t tab = line.find('\t');
  if (tab == 0 || tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos)
    return false;
  const std::string count = line.substr(tab + 1);
  if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos) return false;
  // A two-column vectors.tsv starts with a number where a vocabulary has its first word.
  const std::string word = line.substr(0, tab);
  char* end = nullptr;
  std::strtod(word.c_str(), &end);
  return end != word.c_str() + word.size();
}

}  // namespace embedtool
