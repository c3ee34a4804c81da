#include "embedtool/storage/emb_vocabulary_view.h"

#include "embedtool/errors.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace le = little_endian;

EmbVocabularyView::EmbVocabularyView(std::span<const std::byte> section, std::uint64_t rows,
                                     std::string source_name)
    : rows_(rows), source_name_(std::move(source_name)) {
  // 8 (rows + 1) + 8 rows = 16 rows + 8, computed so that a huge row count cannot wrap.
  auto tables = checked_mul(rows, 16);
  if (tables) tables = checked_add(*tables, 8);
  if (!tables || *tables > section.size()) {
    throw Error(source_name_ + ": the vocabulary section has " + decimal(section.size()) +
                " bytes, too few for the offsets and counts of " + decimal(rows) +
                " rows (16 x rows + 8 bytes)");
  }
  offsets_ = section.data();
  counts_ = offsets_ + 8 * (rows + 1);
  blob_ = std::string_view(reinterpret_cast<const char*>(section.data() + *tables),
                           section.size() - *tables);
}

std::uint64_t EmbVocabularyView::word_end(std::uint64_t i) const {
  return le::load_u64(offsets_ + 8 * i);
}

std::uint64_t EmbVocabularyView::count(std::uint64_t row) const {
  return le::load_u64(counts_ + 8 * row);
}

std::string_view EmbVocabularyView::word(std::uint64_t row) const {
  const std::uint64_t begin = word_end(row);
  const std::uint64_t end = word_end(row + 1);
  if (begin >= end || end > blob_.size()) {
    throw Error(source_name_ + " has a damaged vocabulary: row " + decimal(row) +
                " spans bytes " + decimal(begin) + " to " + decimal(end) + " of a " +
                decimal(blob_.size()) + "-byte word blob (run `embedtool verify` on it)");
  }
  return blob_.substr(begin, end - begin);
}

}  // namespace embedtool
