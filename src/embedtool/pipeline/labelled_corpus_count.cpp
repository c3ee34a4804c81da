#include "embedtool/pipeline/labelled_corpus_count.h"

#include <limits>
#include <string_view>
#include <vector>

#include "embedtool/sequences/labelled_line.h"
#include "embedtool/text/line_range_reader.h"

namespace embedtool {

LabelledCorpusCount count_labelled_file(const std::string& path, const std::string& display_name,
                                        const Tokenizer& tokenizer,
                                        const std::string& label_prefix,
                                        std::uint64_t memory_limit) {
  return count_labelled_range(path, display_name, tokenizer, label_prefix, memory_limit, 0,
                              std::numeric_limits<std::uint64_t>::max());
}

LabelledCorpusCount count_labelled_range(const std::string& path, const std::string& display_name,
                                         const Tokenizer& tokenizer,
                                         const std::string& label_prefix,
                                         std::uint64_t memory_limit, std::uint64_t begin,
                                         std::uint64_t end) {
  LabelledCorpusCount count;
  count.words.limit_memory(memory_limit);
  LineRangeReader reader(path, begin, end);
  LineRangeReader::Piece piece;
  std::vector<std::string_view> labels;
  std::string text;
  bool line_has_label = false;
  while (reader.next(piece)) {
    split_labels(piece.text, label_prefix, labels, text);
    for (const std::string_view label : labels) count.labels.add(label);
    line_has_label = line_has_label || !labels.empty();
    tokenizer.for_each_token(text, {display_name, piece.line, piece.offset},
                             [&count](std::string_view word) { count.words.add(word); });
    if (!piece.ends_line) continue;
    ++count.lines;
    if (!line_has_label && ++count.unlabelled_lines == 1) count.first_unlabelled_line = count.lines;
    line_has_label = false;
  }
  return count;
}

LabelSet label_set_of(const WordCounter& labels) { return label_set_of(labels.build({})); }

LabelSet label_set_of(const Vocabulary& ordered) {
  LabelSet set;
  for (WordId id = kFirstWordId; id < static_cast<WordId>(ordered.input_dim()); ++id)
    set.add(std::string(ordered.word(id)), ordered.count(id));
  return set;
}

}  // namespace embedtool
