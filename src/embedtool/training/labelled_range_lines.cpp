#include "embedtool/training/labelled_range_lines.h"

#include <utility>

#include "embedtool/errors.h"
#include "embedtool/sequences/labelled_line.h"

namespace embedtool {

LabelledRangeLines::LabelledRangeLines(const std::string& path, std::string display_name,
                                       std::uint64_t begin, std::uint64_t end,
                                       const TextEncoder& encoder, const LabelSet& labels,
                                       std::string label_prefix)
    : reader_(path, begin, end),
      display_name_(std::move(display_name)),
      encoder_(encoder),
      label_set_(labels),
      label_prefix_(std::move(label_prefix)) {}

bool LabelledRangeLines::next(Sequence& ids) {
  ids.clear();
  line_labels_.clear();
  LineRangeReader::Piece piece;
  while (reader_.next(piece)) {
    split_labels(piece.text, label_prefix_, piece_labels_, piece_text_);
    for (const std::string_view label : piece_labels_)
      if (const auto index = label_set_.index_of(label))
        line_labels_.push_back(static_cast<ClassId>(*index));
    encoder_.append_ids(piece_text_, {display_name_, piece.line, piece.offset}, ids);
    if (!piece.ends_line) continue;
    if (!line_labels_.empty()) return true;
    ids.clear();  // an unlabelled line teaches nothing
  }
  // The file ended inside a line: what was read is that line.
  return !line_labels_.empty();
}

void LabelledRangeLines::seek(const SourcePosition& position) {
  if (position.sentences_into_line != 0)
    throw Error("cannot continue reading " + display_name_ + " at byte " +
                std::to_string(position.offset) + ": a classifier's lines are never cut");
  reader_.rewind();
  reader_.seek(position.offset, position.line);
}

}  // namespace embedtool
