#include "embedtool/storage/emb_vocabulary_section.h"

#include <array>
#include <optional>
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/storage/emb_vocabulary_view.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

constexpr std::array<std::string_view, kReservedIds> kReservedTokens = {kPaddingToken,
                                                                        kUnknownToken};

void check_reserved_rows(const EmbVocabularyView& view, const std::string& source) {
  for (std::size_t row = 0; row < kReservedIds; ++row) {
    std::string_view word = view.word(row);
    if (word != kReservedTokens[row]) {
      throw Error(source + ": vocabulary row " + decimal(row) + " is " + quoted(word) +
                  ", expected the reserved token " + quoted(kReservedTokens[row]));
    }
    std::uint64_t count = view.count(row);
    if (count != 0) {
      throw Error(source + ": reserved vocabulary row " + decimal(row) + " " + quoted(word) +
                  " has count " + decimal(count) + ", expected 0");
    }
  }
}

}  // namespace

std::vector<std::byte> encode_vocabulary_section(const Vocabulary& vocabulary) {
  return encode_string_table(
      vocabulary.input_dim(),
      [&](std::uint64_t row) { return vocabulary.word(static_cast<WordId>(row)); },
      [&](std::uint64_t row) { return vocabulary.count(static_cast<WordId>(row)); });
}

Vocabulary vocabulary_from_view(const EmbVocabularyView& view, std::uint64_t rows) {
  const std::string& source_name = view.source_name();
  check_reserved_rows(view, source_name);
  Vocabulary vocabulary;
  for (std::uint64_t row = kReservedIds; row < rows; ++row) {
    std::string_view word = view.word(row);
    if (auto bad = first_invalid_utf8(word)) {
      throw Error(source_name + ": vocabulary word of row " + decimal(row) +
                  " is not valid UTF-8 (byte " + decimal(*bad) + " of the word)");
    }
    try {
      vocabulary.add(std::string(word), view.count(row));
    } catch (const Error& e) {
      // Looked up only now: a million words need no second hash lookup each.
      if (auto earlier = vocabulary.id_of(word)) {
        throw Error(source_name + ": vocabulary row " + decimal(row) + " repeats the word " +
                    quoted(word) + " of row " + decimal(static_cast<std::uint64_t>(*earlier)));
      }
      throw Error(source_name + ": vocabulary row " + decimal(row) + ": " + e.what());
    }
  }
  return vocabulary;
}

Vocabulary decode_vocabulary_section(std::span<const std::byte> section, std::uint64_t rows,
                                     const std::string& source_name) {
  const EmbVocabularyView view(section, rows, source_name);
  check_string_table_offsets(view);
  return vocabulary_from_view(view, rows);
}

}  // namespace embedtool
