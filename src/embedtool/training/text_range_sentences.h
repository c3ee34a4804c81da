#pragma once
// The sentences of one byte range of a text file (text/line_range_reader.h) as word ids: one
// sentence per line, encoded (sequences/text_encoder.h) as the text streams by. A line of more than
// kMaxSentenceWords words is cut into sentences of that many (the last one shorter), so that
// neither its text nor its ids are ever held whole: a 100 MB line with no line end costs the
// same memory as any other. word2vec cuts at 1,000 words; 10,000 keeps the windows that a cut
// breaks (at most `window` on each side of it) below 0.1% of a long line's positions.
#include <cstdint>
#include <string>

#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/line_range_reader.h"
#include "embedtool/training/sentence_source.h"

namespace embedtool {

class TextRangeSentences : public SentenceSource {
 public:
  static constexpr std::size_t kMaxSentenceWords = 10000;

  // The encoder must outlive the source. `display_name` names the file in
  // error messages (invalid UTF-8, with the line when known and the byte offset).
  TextRangeSentences(const std::string& path, std::string display_name, std::uint64_t begin,
                     std::uint64_t end, const TextEncoder& encoder,
                     std::size_t max_sentence_words = kMaxSentenceWords,
                     std::size_t max_piece = LineRangeReader::kDefaultMaxPiece);

  void rewind() override;
  // Sentences hold every token of the line, unknown words as kUnknownId. An empty line gives an
  // empty sentence.
  bool next(Sequence& ids) override;
  // A line cut into several sentences is resumed by reading it again from its start and
  // skipping the sentences already returned: cheap next to training on them, and it needs no
  // tokenizer state in the position.
  SourcePosition position() const override;
  void seek(const SourcePosition& position) override;

  std::uint64_t file_size() const { return reader_.file_size(); }

 private:
  // Tokenizes the next piece of the current (or a new) line onto pending_. False at the end.
  bool read_piece();

  LineRangeReader reader_;
  std::string display_name_;
  const TextEncoder& encoder_;
  std::size_t max_sentence_words_;
  Sequence pending_;  // ids read but not yet returned, from pending_begin_ on
  std::size_t pending_begin_ = 0;
  bool line_open_ = false;      // pending_ belongs to a line whose end has not been read yet
  bool line_started_ = false;   // a line has been read from and not yet fully returned
  bool line_returned_ = false;  // a sentence of that line has been returned
  // Where the line being returned starts, and how many of its sentences went out (position()).
  std::uint64_t line_offset_ = 0;
  std::uint64_t line_number_before_ = 0;
  std::uint64_t line_sentences_ = 0;
};

}  // namespace embedtool
