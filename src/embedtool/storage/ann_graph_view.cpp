#include "embedtool/storage/ann_graph_view.h"

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace {
const std::uint32_t* values_at(std::span<const std::byte> file, const EmbSection& section) {
  // decode_ann_header has checked that the section lies inside the file at a multiple of 64.
  return reinterpret_cast<const std::uint32_t*>(file.data() + section.offset);
}
}  // namespace

AnnGraphView::AnnGraphView(std::span<const std::byte> file, const AnnFileHeader& header,
                           std::string source_name)
    : level0_(values_at(file, header.level0)),
      upper_index_(values_at(file, header.upper_index)),
      upper_lists_(values_at(file, header.upper_lists)),
      upper_values_(header.upper_lists.size / 4),
      rows_(header.model.rows),
      nodes_(header.nodes),
      entry_point_(header.entry_point),
      top_level_(header.top_level),
      ef_search_(header.parameters.ef_search),
      links_(header.parameters.links),
      links0_(header.parameters.links0),
      source_name_(std::move(source_name)) {}

std::span<const std::uint32_t> AnnGraphView::links(std::uint64_t row) const {
  const std::uint32_t* record = level0_ + row * (std::uint64_t{1} + links0_);
  if (record[0] > links0_) {
    damaged("row " + decimal(row) + " has " + decimal(record[0]) + " level-0 links, more than the " +
            decimal(links0_) + " its record holds");
  }
  return {record + 1, record[0]};
}

std::span<const std::uint32_t> AnnGraphView::links(std::uint64_t row, std::uint32_t level) const {
  const std::uint64_t start = upper_index_[row];
  const std::uint64_t list_values = std::uint64_t{1} + links_;
  if (start == kAnnNoUpperLevels || start >= upper_values_) {
    damaged("row " + decimal(row) + " is reached on level " + decimal(level) +
            " but has no upper levels in the index");
  }
  const std::uint32_t row_level = upper_lists_[start];
  // The record is the level, then row_level lists; only the one asked for must fit.
  const std::uint64_t list_at = start + 1 + (std::uint64_t{level} - 1) * list_values;
  if (level == 0 || level > row_level || row_level > kAnnMaxLevel || list_at + list_values > upper_values_) {
    damaged("row " + decimal(row) + " is reached on level " + decimal(level) + " but its record says level " +
            decimal(row_level) + " or runs past the upper links section");
  }
  const std::uint32_t* list = upper_lists_ + list_at;
  if (list[0] > links_) {
    damaged("row " + decimal(row) + " has " + decimal(list[0]) + " links on level " + decimal(level) +
            ", more than the " + decimal(links_) + " its record holds");
  }
  return {list + 1, list[0]};
}

void AnnGraphView::bad_link(std::uint64_t row, std::uint32_t to) const {
  damaged("row " + decimal(row) + " links to row " + decimal(to) + ", beyond the " + decimal(rows_) + " rows");
}

void AnnGraphView::damaged(const std::string& what) const {
  throw Error(source_name_ + " is damaged: " + what + " (`embedtool verify` checks the whole index)");
}

}  // namespace embedtool
