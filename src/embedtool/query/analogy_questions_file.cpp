#include "embedtool/query/analogy_questions_file.h"

#include "embedtool/errors.h"
#include "embedtool/query/eval_line_fields.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/location_message.h"
#include "embedtool/text/utf8.h"

namespace embedtool {
namespace {

std::string_view trim_blanks(std::string_view text) {
  constexpr std::string_view kBlanks = " \t";
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace

std::vector<AnalogySection> read_analogy_questions(std::istream& input,
                                                   const std::string& source_name) {
  LineReader reader(input, source_name);
  std::vector<AnalogySection> sections;
  std::size_t question_count = 0;
  std::string line;
  while (reader.next(line)) {
    const std::string_view text = trim_blanks(line);
    if (text.empty()) continue;
    const std::string where = location_message(source_name, reader.line_number());
    if (!utf8::is_valid(text)) throw Error("malformed analogy line: not valid UTF-8" + where);
    if (text.front() == ':') {
      const std::string_view name = trim_blanks(text.substr(1));
      if (name.empty()) throw Error("malformed analogy section header: no name after ':'" + where);
      sections.push_back({std::string(name), {}});
      continue;
    }
    const std::vector<std::string_view> fields = split_eval_fields(text);
    if (fields.size() != 4) {
      throw Error(
          "malformed analogy question: expected 4 words (a b c d) separated by spaces "
          "or tabs, found " +
          std::to_string(fields.size()) + where);
    }
    if (sections.empty()) {
      throw Error("malformed analogy file: a question before the first `: section` header" + where);
    }
    AnalogyQuestion question;
    for (std::size_t i = 0; i < 4; ++i) question.words[i] = std::string(fields[i]);
    question.line = reader.line_number();
    sections.back().questions.push_back(std::move(question));
    ++question_count;
  }
  if (question_count == 0) {
    throw Error("no analogy questions in " + source_name +
                " (expected `: section` headers and "
                "`a b c d` lines)");
  }
  return sections;
}

}  // namespace embedtool
