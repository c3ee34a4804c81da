#include "embedtool/formats/word_list.h"

#include "embedtool/errors.h"
#include "embedtool/formats/number_parsing.h"
#include "embedtool/formats/text_lines.h"
#include "embedtool/formats/word_rules.h"
#include "embedtool/formats/word_text.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/text/location_message.h"

namespace embedtool {

std::vector<WordListEntry> read_word_list(const std::string& path, WordListKind kind,
                                          UnicodeErrors unicode_errors) {
  const MappedFile file(path);
  const std::string& source = file.display_name();
  TextLines lines(file.bytes());
  std::vector<WordListEntry> entries;
  std::string_view line;
  bool columns = false;  // projector metadata with a header line
  while (lines.next(line)) {
    if (kind == WordListKind::projector_metadata && lines.line_number() == 1 &&
        line.find('\t') != std::string_view::npos) {
      columns = true;
      continue;
    }
    if (line.empty() && lines.rest_is_blank()) break;
    const std::size_t tab = line.find('\t');
    const std::string_view raw_word = line.substr(0, tab);
    WordListEntry entry;
    entry.word = word_from_bytes(raw_word, unicode_errors, source, lines.line_number(),
                                 lines.line_offset());
    if (tab != std::string_view::npos && kind == WordListKind::words_or_counts) {
      const std::string_view count_text = line.substr(tab + 1);
      const auto count = parse_count(count_text);
      if (!count) {
        throw Error("expected a word, or a word, a tab and its count; found the count " +
                    embedtool::quoted(count_text.substr(0, 40)) +
                    location_message(source, lines.line_number()));
      }
      entry.count = *count;
    } else if (tab != std::string_view::npos && !columns) {
      throw Error("a tab in a one-column metadata file (only a file whose first line has "
                  "tabs, the header, may have several columns)" +
                  location_message(source, lines.line_number()));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

void write_word_list(const EmbeddingModel& model, WordId first_row, std::string_view format,
                     OutputFile& out) {
  // OutputFile buffers the writes itself.
  for (WordId row = first_row; row < model.vectors.rows(); ++row) {
    const std::string_view word = model.vocabulary.word(row);
    check_word_writable(word, row, format, out.display_name(), kLineAndTab);
    out.write(word);
    out.write(std::string_view("\n"));
  }
}

}  // namespace embedtool
