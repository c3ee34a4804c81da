#include <doctest/doctest.h>

#include <string>

#include "embedtool/sequences/word_id_table.h"

namespace embedtool {
namespace {

TEST_CASE("word id table: the vocabulary's ids for its words, kUnknownId for the rest") {
  Vocabulary vocabulary;
  // (std::string(...) += rather than "w" + ...: GCC 12 warns wrongly about the latter at -O3.)
  for (int i = 0; i < 5000; ++i)
    vocabulary.add(std::string("w") += std::to_string(i * 7919 % 100003), 5000 - i);
  vocabulary.add("a-word-longer-than-sixteen-bytes", 1);
  vocabulary.add("\xC3\xA9t\xC3\xA9", 1);
  const WordIdTable table(vocabulary);
  for (std::size_t k = 0; k < vocabulary.word_count(); ++k) {
    const auto id = static_cast<WordId>(k) + kFirstWordId;
    CHECK(table.id_or_unknown(vocabulary.word(id)) == id);
  }
  for (const char* unknown : {"", "w", "w1x", "a-word-longer-than-sixteen-byte", "<pad>", "<unk>"})
    CHECK(table.id_or_unknown(unknown) == kUnknownId);
  for (int i = 0; i < 1000; ++i) {
    const std::string word = std::string("x") += std::to_string(i);
    CHECK(table.id_or_unknown(word) == vocabulary.id_or_unknown(word));
  }
}

TEST_CASE("word id table: an empty vocabulary knows no word") {
  const WordIdTable table{Vocabulary()};
  CHECK(table.id_or_unknown("anything") == kUnknownId);
}

}  // namespace
}  // namespace embedtool
