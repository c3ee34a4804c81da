// vocab and train count a corpus with the same code, whether it is a regular file (read in
// pieces by byte offset) or a pipe (read line by line as it comes): the counts must not differ.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <thread>

#include "embedtool/errors.h"
#include "embedtool/pipeline/corpus_count.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

// Every kind of line end, a byte-order mark, an empty last line without a line end, and a line
// far longer than the pieces a regular file is read in (64 KB), with words across piece cuts.
std::string awkward_text() {
  std::string text = "\xEF\xBB\xBFThe cat\r\nthe dog\rthe end\n\n";
  for (int i = 0; i < 30000; ++i) text += i % 3 ? "cat " : "caterpillar\t";
  text += "\nlast words";
  return text;
}

CorpusCount count_through_pipe(const TempTextFile& folder, const std::string& text) {
  const std::string fifo = folder.beside("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
  CorpusCount count;
  try {
    count = count_corpus({fifo}, Tokenizer());
  } catch (...) {
    writer.join();
    throw;
  }
  writer.join();
  return count;
}

TEST_CASE("corpus count: a regular file and a pipe with the same bytes count the same") {
  const std::string text = awkward_text();
  const TempTextFile file(text);
  const CorpusCount from_file = count_corpus({file.path()}, Tokenizer());
  const CorpusCount from_pipe = count_through_pipe(file, text);
  CHECK(from_file.lines == 6);
  CHECK(from_pipe.lines == from_file.lines);
  CHECK(from_file.counter.tokens_seen() == 3 + 3 + 30000 + 2);
  CHECK(from_pipe.counter.tokens_seen() == from_file.counter.tokens_seen());
  const Vocabulary file_words = from_file.counter.build({});
  const Vocabulary pipe_words = from_pipe.counter.build({});
  REQUIRE(file_words.word_count() == pipe_words.word_count());
  for (WordId id = kFirstWordId; id < static_cast<WordId>(file_words.input_dim()); ++id) {
    CHECK(file_words.word(id) == pipe_words.word(id));
    CHECK(file_words.count(id) == pipe_words.count(id));
  }
  CHECK(file_words.count(file_words.id_or_unknown("cat")) == 20000 + 1);
  CHECK(file_words.count(file_words.id_or_unknown("caterpillar")) == 10000);
}

TEST_CASE("corpus count: train's count of one file is the same as vocab's") {
  const TempTextFile file(awkward_text());
  const CorpusCount by_vocab = count_corpus({file.path()}, Tokenizer());
  const CorpusCount by_train = count_text_file(file.path(), "<stdin>", Tokenizer());
  CHECK(by_train.lines == by_vocab.lines);
  CHECK(by_train.counter.tokens_seen() == by_vocab.counter.tokens_seen());
  CHECK(by_train.counter.distinct_words() == by_vocab.counter.distinct_words());
}

TEST_CASE("corpus count: errors name the input and the place, whichever reader read it") {
  const TempTextFile file("fine\nbad \xFF\n");
  CHECK_THROWS_WITH_AS(count_corpus({file.path()}, Tokenizer()),
                       doctest::Contains((file.path() + ": line 2, byte 9").c_str()), Error);
  CHECK_THROWS_WITH_AS(count_text_file(file.path(), "<stdin>", Tokenizer()),
                       doctest::Contains("<stdin>: line 2, byte 9"), Error);
  const std::string missing = file.beside("missing.txt");
  CHECK_THROWS_WITH_AS(count_corpus({missing}, Tokenizer()),
                       doctest::Contains(("cannot open " + missing).c_str()), Error);
}

}  // namespace
}  // namespace embedtool
