#include "embedtool/pipeline/text_file_corpus.h"

namespace embedtool {

TextFileCorpus::TextFileCorpus(std::string path, const Tokenizer& tokenizer,
                               const Vocabulary& vocabulary)
    : path_(std::move(path)), tokenizer_(tokenizer), vocabulary_(vocabulary) {
  rewind();
}

void TextFileCorpus::rewind() {
  reader_.reset();
  input_ = std::make_unique<InputFile>(path_);
  reader_ = std::make_unique<LineReader>(input_->stream(), input_->display_name());
}

bool TextFileCorpus::next(Sequence& ids) {
  if (!reader_->next(line_)) return false;
  ids.clear();
  const TextLocation where{reader_->source_name(), reader_->line_number(), reader_->line_offset()};
  tokenizer_.for_each_token(line_, where, [&](std::string_view word) {
    ids.push_back(vocabulary_.id_or_unknown(word));
  });
  return true;
}

}  // namespace embedtool
