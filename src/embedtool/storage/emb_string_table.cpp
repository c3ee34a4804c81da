#include "embedtool/storage/emb_string_table.h"

#include <utf8proc.h>

#include "embedtool/errors.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace le = little_endian;

std::vector<std::byte> encode_string_table(
    std::uint64_t entries, const std::function<std::string_view(std::uint64_t)>& name_of,
    const std::function<std::uint64_t(std::uint64_t)>& count_of) {
  std::size_t blob_size = 0;
  for (std::uint64_t i = 0; i < entries; ++i) blob_size += name_of(i).size();

  std::vector<std::byte> section(16 * entries + 8 + blob_size);
  std::byte* offsets = section.data();
  std::byte* counts = offsets + 8 * (entries + 1);
  std::byte* blob = counts + 8 * entries;
  std::uint64_t end = 0;
  le::store_u64(offsets, 0);
  for (std::uint64_t i = 0; i < entries; ++i) {
    for (char c : name_of(i)) blob[end++] = static_cast<std::byte>(c);
    le::store_u64(offsets + 8 * (i + 1), end);
    le::store_u64(counts + 8 * i, count_of(i));
  }
  return section;
}

EmbStringTableView::EmbStringTableView(std::span<const std::byte> section, std::uint64_t entries,
                                       const EmbStringTableTerms& terms, std::string source_name)
    : entries_(entries), terms_(&terms), source_name_(std::move(source_name)) {
  // 8 (entries + 1) + 8 entries = 16 entries + 8, computed so that a huge count cannot wrap.
  auto tables = checked_mul(entries, 16);
  if (tables) tables = checked_add(*tables, 8);
  if (!tables || *tables > section.size()) {
    throw Error(source_name_ + ": the " + terms.section + " section has " + decimal(section.size()) +
                " bytes, too few for the offsets and counts of " + decimal(entries) + " " +
                terms.entries + " (16 x " + terms.entries + " + 8 bytes)");
  }
  offsets_ = section.data();
  counts_ = offsets_ + 8 * (entries + 1);
  blob_ = std::string_view(reinterpret_cast<const char*>(section.data() + *tables),
                           section.size() - *tables);
}

std::uint64_t EmbStringTableView::name_end(std::uint64_t i) const {
  return le::load_u64(offsets_ + 8 * i);
}

std::uint64_t EmbStringTableView::count(std::uint64_t entry) const {
  return le::load_u64(counts_ + 8 * entry);
}

std::string_view EmbStringTableView::name(std::uint64_t entry) const {
  const std::uint64_t begin = name_end(entry);
  const std::uint64_t end = name_end(entry + 1);
  if (begin >= end || end > blob_.size()) {
    throw Error(source_name_ + " has a damaged " + terms_->section + " section: " + terms_->entry +
                " " + decimal(entry) + " spans bytes " + decimal(begin) + " to " + decimal(end) +
                " of a " + decimal(blob_.size()) + "-byte " + terms_->name +
                " blob (run `embedtool verify` on it)");
  }
  return blob_.substr(begin, end - begin);
}

void check_string_table_offsets(const EmbStringTableView& view) {
  const EmbStringTableTerms& terms = view.terms();
  const std::string& source = view.source_name();
  const std::string blob = std::string(" of the ") + terms.name + " blob";
  const std::uint64_t blob_size = view.blob().size();
  const std::uint64_t first = view.name_end(0);
  if (first != 0) {
    throw Error(source + ": " + terms.offsets + " of " + terms.entry + " 0 is " + decimal(first) +
                ", expected 0");
  }
  std::uint64_t previous = 0;
  for (std::uint64_t entry = 0; entry < view.entries(); ++entry) {
    const std::uint64_t end = view.name_end(entry + 1);
    if (end > blob_size) {
      throw Error(source + ": " + terms.entry_in_full + " " + decimal(entry) + " ends at byte " +
                  decimal(end) + blob + ", which has " + decimal(blob_size) + " bytes");
    }
    // Strictly increasing: no name is empty.
    if (end <= previous) {
      throw Error(source + ": " + terms.offsets + "s out of order: " + terms.entry + " " +
                  decimal(entry) + " starts at byte " + decimal(previous) + blob +
                  " and ends at byte " + decimal(end) + " (offsets must increase, " + terms.name +
                  "s are never empty)");
    }
    previous = end;
  }
  if (previous != blob_size) {
    throw Error(source + ": " + terms.offsets + "s end at byte " + decimal(previous) + blob +
                ", which has " + decimal(blob_size) + " bytes");
  }
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                         static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    if (length <= 0) return at;
    at += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

}  // namespace embedtool
