#pragma once
// The links of an ANN index file read in place (storage/ann_file.h): a search touches the
// records of the nodes it visits and nothing else, so answering one query reads a few hundred
// kilobytes of a file of hundreds of megabytes.
//
// Nothing here trusts the file beyond what decode_ann_header checked: a link count larger than
// the record or an upper-level record outside its section is an Error when it is met, and a
// search checks every row it follows against rows() (bad_link). A damaged index can give an
// Error, never a read outside the file; `embedtool verify` checks it completely.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "embedtool/storage/ann_file.h"

namespace embedtool {

// The sections are little-endian u32, read in place as native ones.
static_assert(std::endian::native == std::endian::little,
              "AnnGraphView reads little-endian u32 links in place");

class AnnGraphView {
 public:
  // `file` is the whole index and `header` its decode_ann_header; the bytes must outlive this.
  AnnGraphView(std::span<const std::byte> file, const AnnFileHeader& header, std::string source_name);

  std::uint64_t rows() const { return rows_; }
  std::uint64_t nodes() const { return nodes_; }
  std::uint64_t entry_point() const { return entry_point_; }
  std::uint32_t top_level() const { return top_level_; }
  std::uint32_t ef_search() const { return ef_search_; }

  // The rows `row` (< rows()) links to on level 0. Throws Error if its count is out of bounds.
  std::span<const std::uint32_t> links(std::uint64_t row) const;
  // The rows `row` links to on `level` (1 or more). Throws Error if the row has no such level
  // or its record runs out of the section.
  std::span<const std::uint32_t> links(std::uint64_t row, std::uint32_t level) const;

  // The Error of a link from `row` to a row that does not exist (to >= rows()).
  [[noreturn]] void bad_link(std::uint64_t row, std::uint32_t to) const;

 private:
  [[noreturn]] void damaged(const std::string& what) const;

  const std::uint32_t* level0_;
  const std::uint32_t* upper_index_;
  const std::uint32_t* upper_lists_;
  std::uint64_t upper_values_;  // u32 values in upper_lists_
  std::uint64_t rows_;
  std::uint64_t nodes_;
  std::uint64_t entry_point_;
  std::uint32_t top_level_;
  std::uint32_t ef_search_;
  std::uint32_t links_;
  std::uint32_t links0_;
  std::string source_name_;
};

}  // namespace embedtool
