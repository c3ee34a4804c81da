#include "embedtool/training/text_range_sentences.h"

#include <algorithm>
#include <string>
#include <utility>

#include "embedtool/errors.h"

namespace embedtool {

TextRangeSentences::TextRangeSentences(const std::string& path, std::string display_name,
                                       std::uint64_t begin, std::uint64_t end,
                                       const TextEncoder& encoder,
                                       std::size_t max_sentence_words, std::size_t max_piece)
    : reader_(path, begin, end, max_piece),
      display_name_(std::move(display_name)),
      encoder_(encoder),
      max_sentence_words_(std::max<std::size_t>(max_sentence_words, 1)) {}

void TextRangeSentences::rewind() {
  reader_.rewind();
  pending_.clear();
  pending_begin_ = 0;
  line_open_ = false;
  line_started_ = false;
  line_returned_ = false;
}

bool TextRangeSentences::read_piece() {
  if (!line_started_) {
    line_offset_ = reader_.offset();
    line_number_before_ = reader_.line();
    line_sentences_ = 0;
  }
  LineRangeReader::Piece piece;
  if (!reader_.next(piece)) return false;
  // Drop what was returned already, so pending_ never holds more than a sentence and a piece.
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(pending_begin_));
  pending_begin_ = 0;
  const TextLocation where{display_name_, piece.line, piece.offset};
  encoder_.append_ids(piece.text, where, pending_);
  line_open_ = !piece.ends_line;
  line_started_ = true;
  return true;
}

bool TextRangeSentences::next(Sequence& ids) {
  for (;;) {
    // Read until a full sentence is pending or the line has ended.
    while (pending_.size() - pending_begin_ < max_sentence_words_ &&
           (line_open_ || !line_started_)) {
      if (!read_piece()) {
        line_open_ = false;  // the file ended inside a line: what is pending is its end
        break;
      }
    }
    if (!line_started_) return false;
    const std::size_t available = pending_.size() - pending_begin_;
    if (available == 0 && line_returned_) {
      // A line whose words all went out in full sentences: no empty sentence after them.
      line_started_ = line_returned_ = false;
      continue;
    }
    const std::size_t taken = std::min(available, max_sentence_words_);
    ids.assign(pending_.begin() + static_cast<std::ptrdiff_t>(pending_begin_),
               pending_.begin() + static_cast<std::ptrdiff_t>(pending_begin_ + taken));
    pending_begin_ += taken;
    line_returned_ = true;
    ++line_sentences_;
    if (!line_open_ && pending_begin_ == pending_.size()) line_started_ = line_returned_ = false;
    return true;
  }
}

SourcePosition TextRangeSentences::position() const {
  if (!line_started_) return {reader_.offset(), reader_.line(), 0};
  return {line_offset_, line_number_before_, line_sentences_};
}

void TextRangeSentences::seek(const SourcePosition& position) {
  rewind();
  reader_.seek(position.offset, position.line);
  Sequence skipped;
  for (std::uint64_t i = 0; i < position.sentences_into_line; ++i) {
    if (!next(skipped))
      throw Error("cannot continue reading " + display_name_ + " at byte " +
                  std::to_string(position.offset) + ": the file ends before sentence " +
                  std::to_string(position.sentences_into_line + 1) + " of that line");
  }
}

}  // namespace embedtool
