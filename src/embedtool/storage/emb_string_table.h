#pragma once
// The layout the vocabulary section and the labels section (format version 4) share: a table of
// named, counted entries
//   n + 1 u64 end offsets into the blob, n u64 counts, then the blob of the names' UTF-8 bytes.
// Storing offsets rather than separators lets a name hold any byte and lets a reader find entry
// i without scanning the ones before it, in place in a mapped file.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

// How a table's messages call its parts, so that an error names the section it is in
// ("vocabulary row 3 ends at byte 11 of the word blob", "label 3 ends at byte 11 of the label
// blob").
struct EmbStringTableTerms {
  const char* section;         // "vocabulary": "the vocabulary section has ..."
  const char* entry;           // "row": "row 3 starts at byte ..."
  const char* entry_in_full;   // "vocabulary row": the entry named without its section nearby
  const char* offsets;         // "vocabulary offset"
  const char* entries;         // "rows": "the offsets and counts of 5 rows"
  const char* name;            // "word": "the word blob", "words are never empty"
};

// The bytes of a table of `entries` entries: 16 x entries + 8 bytes of tables, then the names.
std::vector<std::byte> encode_string_table(
    std::uint64_t entries, const std::function<std::string_view(std::uint64_t)>& name_of,
    const std::function<std::uint64_t(std::uint64_t)>& count_of);

// Read access to a table in place: one entry's name and count without decoding the others.
// Only the entries that are read are checked, so a lookup of a few names costs a few reads
// whatever the table's size; check_string_table_offsets checks all.
class EmbStringTableView {
 public:
  // Checks that the section can hold the offset and count tables of `entries` entries
  // (16 x entries + 8 bytes, computed without overflow). Throws Error naming `source_name`.
  EmbStringTableView(std::span<const std::byte> section, std::uint64_t entries,
                     const EmbStringTableTerms& terms, std::string source_name);

  std::uint64_t entries() const { return entries_; }
  std::string_view blob() const { return blob_; }
  const std::string& source_name() const { return source_name_; }
  const EmbStringTableTerms& terms() const { return *terms_; }

  // Entry i of the offset table (i <= entries), unchecked.
  std::uint64_t name_end(std::uint64_t i) const;
  std::uint64_t count(std::uint64_t entry) const;

  // The bytes of entry `entry`'s name (entry < entries). Throws Error if its offsets are outside
  // the blob or not increasing: a damaged section never leads to a read outside it.
  std::string_view name(std::uint64_t entry) const;

 private:
  const std::byte* offsets_;  // entries + 1 u64
  const std::byte* counts_;   // entries u64
  std::string_view blob_;
  std::uint64_t entries_;
  const EmbStringTableTerms* terms_;
  std::string source_name_;
};

// The whole offset table: starts at 0, strictly increases (no name is empty), stays inside the
// blob and ends at its size. Throws Error naming the file, the entry and the offsets.
void check_string_table_offsets(const EmbStringTableView& view);

// Byte position of the first invalid UTF-8 sequence in `text` (overlong forms, surrogates and
// code points past U+10FFFF count as invalid), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace embedtool
