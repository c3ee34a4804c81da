#include "embedtool/storage/emb_vocabulary_section.h"

#include <array>
#include <optional>
#include <string_view>

#include <utf8proc.h>

#include "embedtool/errors.h"
#include "embedtool/storage/emb_vocabulary_view.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

constexpr std::array<std::string_view, kReservedIds> kReservedTokens = {kPaddingToken,
                                                                        kUnknownToken};

// Byte position of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
// past U+10FFFF count as invalid), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view word) {
  std::size_t at = 0;
  while (at < word.size()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data() + at),
                         static_cast<utf8proc_ssize_t>(word.size() - at), &code_point);
    if (length <= 0) return at;
    at += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

void check_offsets(const EmbVocabularyView& view, const std::string& source) {
  const std::uint64_t blob_size = view.blob().size();
  std::uint64_t first = view.word_end(0);
  if (first != 0) {
    throw Error(source + ": vocabulary offset of row 0 is " + decimal(first) + ", expected 0");
  }
  std::uint64_t previous = 0;
  for (std::uint64_t row = 0; row < view.rows(); ++row) {
    std::uint64_t end = view.word_end(row + 1);
    if (end > blob_size) {
      throw Error(source + ": vocabulary row " + decimal(row) + " ends at byte " + decimal(end) +
                  " of the word blob, which has " + decimal(blob_size) + " bytes");
    }
    // Strictly increasing: no word is empty.
    if (end <= previous) {
      throw Error(source + ": vocabulary offsets out of order: row " + decimal(row) +
                  " starts at byte " + decimal(previous) + " of the word blob and ends at byte " +
                  decimal(end) + " (offsets must increase, words are never empty)");
    }
    previous = end;
  }
  if (previous != blob_size) {
    throw Error(source + ": vocabulary offsets end at byte " + decimal(previous) +
                " of the word blob, which has " + decimal(blob_size) + " bytes");
  }
}

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
  const std::size_t rows = vocabulary.input_dim();
  std::size_t blob_size = 0;
  for (std::size_t row = 0; row < rows; ++row) blob_size += vocabulary.word(static_cast<WordId>(row)).size();

  std::vector<std::byte> section(16 * rows + 8 + blob_size);
  std::byte* offsets = section.data();
  std::byte* counts = offsets + 8 * (rows + 1);
  std::byte* blob = counts + 8 * rows;
  std::uint64_t end = 0;
  le::store_u64(offsets, 0);
  for (std::size_t row = 0; row < rows; ++row) {
    auto id = static_cast<WordId>(row);
    std::string_view word = vocabulary.word(id);
    for (char c : word) blob[end++] = static_cast<std::byte>(c);
    le::store_u64(offsets + 8 * (row + 1), end);
    le::store_u64(counts + 8 * row, vocabulary.count(id));
  }
  return section;
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
  check_offsets(view, source_name);
  return vocabulary_from_view(view, rows);
}

}  // namespace embedtool
