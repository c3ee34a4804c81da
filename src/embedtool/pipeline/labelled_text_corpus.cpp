#include "embedtool/pipeline/labelled_text_corpus.h"

#include <limits>
#include <utility>
#include <vector>

#include "embedtool/text/line_range_reader.h"
#include "embedtool/training/labelled_range_lines.h"

namespace embedtool {

LabelledTextCorpus::LabelledTextCorpus(std::string path, std::string display_name,
                                       const Tokenizer& tokenizer, const Vocabulary& vocabulary,
                                       const LabelSet& labels, std::string label_prefix)
    : path_(std::move(path)),
      display_name_(std::move(display_name)),
      encoder_(tokenizer, vocabulary),
      labels_(labels),
      label_prefix_(std::move(label_prefix)),
      file_size_(LineRangeReader(path_, 0, 0).file_size()) {}

std::unique_ptr<SentenceSource> LabelledTextCorpus::part(std::size_t index,
                                                         std::size_t parts) const {
  const std::vector<std::uint64_t> ranges = split_into_ranges(file_size_, parts);
  // The last part runs to the end of the file whatever its size now.
  const std::uint64_t end =
      index + 1 == parts ? std::numeric_limits<std::uint64_t>::max() : ranges[index + 1];
  return std::make_unique<LabelledRangeLines>(path_, display_name_, ranges[index], end, encoder_,
                                              labels_, label_prefix_);
}

}  // namespace embedtool
