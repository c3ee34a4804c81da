#include "embedtool/storage/ann_verify.h"

#include <functional>
#include <optional>

#include "embedtool/errors.h"
#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

// Runs `check`; returns false and records its message if it throws Error.
bool ann_check_passes(std::vector<std::string>& problems, const std::function<void()>& check) {
  try {
    check();
    return true;
  } catch (const Error& error) {
    problems.emplace_back(error.what());
    return false;
  }
}

// A section's values after its checksum matched.
class AnnSectionValues {
 public:
  AnnSectionValues(std::span<const std::byte> file, const EmbSection& section, std::uint32_t expected_crc,
                   const char* name, const std::string& source)
      : bytes_(file.subspan(section.offset, section.size)) {
    const std::uint32_t computed = crc32_of(bytes_);
    if (computed != expected_crc) {
      throw Error(source + " has a corrupt " + name + " section (checksum mismatch: header says " +
                  hex32(expected_crc) + ", computed " + hex32(computed) + ")");
    }
  }
  std::uint64_t size() const { return bytes_.size() / 4; }
  std::uint32_t operator[](std::uint64_t i) const { return little_endian::load_u32(bytes_.data() + 4 * i); }

 private:
  std::span<const std::byte> bytes_;
};

// One list of links: a count, then `capacity` slots, zero after the count.
void check_link_list(const AnnSectionValues& values, std::uint64_t at, std::uint32_t capacity,
                     std::uint64_t row, const std::string& where, const AnnFileHeader& header,
                     const std::function<void(std::uint32_t)>& check_target, const std::string& source) {
  const std::uint32_t count = values[at];
  if (count > capacity) {
    throw Error(source + ": row " + decimal(row) + " has " + decimal(count) + " links " + where +
                ", more than the " + decimal(capacity) + " its record holds");
  }
  for (std::uint32_t i = 0; i < capacity; ++i) {
    const std::uint32_t target = values[at + 1 + i];
    if (i >= count) {
      if (target != 0) {
        throw Error(source + ": row " + decimal(row) + "'s record " + where + " has " + decimal(target) +
                    " in unused slot " + decimal(i) + ", expected 0");
      }
      continue;
    }
    if (target < kEmbReservedRows || target >= header.model.rows || target == row) {
      throw Error(source + ": row " + decimal(row) + " links " + where + " to row " + decimal(target) +
                  ", expected another word row (2 to " + decimal(header.model.rows - 1) + ")");
    }
    check_target(target);
  }
}

}  // namespace

std::vector<std::string> find_ann_problems(std::span<const std::byte> file, const std::string& source,
                                           const AnnModelIdentity& model, const std::string& model_name) {
  std::vector<std::string> problems;
  std::optional<AnnFileHeader> header;
  if (!ann_check_passes(problems, [&] { header = decode_ann_header(file, source); })) return problems;
  ann_check_passes(problems, [&] { check_ann_matches_model(*header, model, source, model_name); });
  const std::uint64_t rows = header->model.rows;
  const std::uint32_t links0 = header->parameters.links0;
  const std::uint32_t links = header->parameters.links;

  ann_check_passes(problems, [&] {
    const AnnSectionValues level0(file, header->level0, header->level0_crc32, "level-0 links", source);
    for (std::uint64_t row = 0; row < rows; ++row) {
      check_link_list(level0, row * (std::uint64_t{1} + links0), links0, row, "on level 0", *header,
                      [](std::uint32_t) {}, source);
    }
  });

  std::optional<AnnSectionValues> upper_index;
  const bool index_ok = ann_check_passes(problems, [&] {
    upper_index.emplace(file, header->upper_index, header->upper_index_crc32, "upper index", source);
  });
  ann_check_passes(problems, [&] {
    const AnnSectionValues lists(file, header->upper_lists, header->upper_lists_crc32, "upper links", source);
    if (!index_ok) return;  // the records cannot be found without it
    // A row's level: 0 without a record, else its record's first value once that is known sound.
    const auto level_of = [&](std::uint64_t row) -> std::uint32_t {
      const std::uint32_t start = (*upper_index)[row];
      if (start == kAnnNoUpperLevels) return 0;
      if (start >= lists.size()) {
        throw Error(source + ": row " + decimal(row) + "'s upper levels start at value " + decimal(start) +
                    ", past the " + decimal(lists.size()) + " values of the upper links section");
      }
      const std::uint32_t level = lists[start];
      const std::uint64_t record = 1 + std::uint64_t{level} * (1 + links);
      if (level == 0 || level > header->top_level || record > lists.size() - start) {
        throw Error(source + ": row " + decimal(row) + " has level " + decimal(level) +
                    ", expected 1 to the top level " + decimal(header->top_level) +
                    " with its record inside the upper links section");
      }
      return level;
    };
    for (std::uint64_t row = 0; row < rows; ++row) {
      const std::uint32_t level = level_of(row);
      for (std::uint32_t l = 1; l <= level; ++l) {
        const std::uint64_t at = (*upper_index)[row] + 1 + std::uint64_t{l - 1} * (1 + links);
        check_link_list(lists, at, links, row, "on level " + decimal(l), *header,
                        [&](std::uint32_t target) {
                          if (level_of(target) < l) {
                            throw Error(source + ": row " + decimal(row) + " links on level " + decimal(l) +
                                        " to row " + decimal(target) + ", which has no level " + decimal(l));
                          }
                        },
                        source);
      }
    }
    if (header->nodes > 0 && level_of(header->entry_point) != header->top_level) {
      throw Error(source + ": the entry point, row " + decimal(header->entry_point) + ", has level " +
                  decimal(level_of(header->entry_point)) + ", expected the top level " +
                  decimal(header->top_level));
    }
  });
  return problems;
}

}  // namespace embedtool
