#include "embedtool/pipeline/text_file_corpus.h"

#include <limits>

#include "embedtool/text/line_range_reader.h"

namespace embedtool {

TextFileCorpus::TextFileCorpus(std::string path, const Tokenizer& tokenizer,
                               const Vocabulary& vocabulary,
                               std::optional<std::uint64_t> known_word_count,
                               std::optional<std::string> display_name)
    : path_(std::move(path)),
      display_name_(display_name.value_or(path_)),
      encoder_(tokenizer, vocabulary),
      known_word_count_(known_word_count) {
  auto whole = std::make_unique<TextRangeSentences>(
      path_, display_name_, 0, std::numeric_limits<std::uint64_t>::max(), encoder_);
  file_size_ = whole->file_size();
  whole_ = std::move(whole);
}

std::unique_ptr<SentenceSource> TextFileCorpus::part(std::size_t index, std::size_t parts) const {
  const std::vector<std::uint64_t> ranges = split_into_ranges(file_size_, parts);
  // The last part runs to the end of the file whatever its size now.
  const std::uint64_t end =
      index + 1 == parts ? std::numeric_limits<std::uint64_t>::max() : ranges[index + 1];
  return std::make_unique<TextRangeSentences>(path_, display_name_, ranges[index], end, encoder_);
}

}  // namespace embedtool
