#include "embedtool/storage/emb_rows_section.h"

#include "embedtool/errors.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_section_checksum.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

std::string rows_kind_problem(std::string_view kind) {
  if (kind.empty()) return "is empty";
  if (kind.size() > kEmbKindMaxBytes) {
    return "has " + decimal(kind.size()) + " bytes, more than " + decimal(kEmbKindMaxBytes);
  }
  for (std::size_t i = 0; i < kind.size(); ++i) {
    const auto byte = static_cast<unsigned char>(kind[i]);
    if (byte < 0x21 || byte > 0x7e) {
      return "has byte " + hex_bytes(std::as_bytes(std::span(kind.data() + i, 1))) +
             " at position " + decimal(i) + ", expected visible ASCII (21 to 7e)";
    }
  }
  return "";
}

void check_rows_savable(const std::string& kind, const Matrix& rows, std::uint64_t output_dim,
                        const EmbRowsSectionNames& names, const std::string& destination) {
  const std::string problem = rows_kind_problem(kind);
  if (!problem.empty()) {
    // Qualified: std::quoted, found through the std::string argument, would be a better match.
    throw Error("cannot save " + destination + ": the " + names.section + " kind " +
                embedtool::quoted(kind) + " " + problem);
  }
  const auto columns = static_cast<std::uint64_t>(rows.cols());
  if (columns != output_dim) {
    throw Error("cannot save " + destination + ": the " + kind + " " + names.values + " have " +
                decimal(columns) + " columns, expected output_dim = " + decimal(output_dim) +
                " (the matrix's columns)");
  }
}

Matrix read_rows_section(std::span<const std::byte> file, const EmbRowsFields& fields,
                         const EmbRowsSectionNames& names, const std::string& source_name) {
  return decode_matrix_section(
      checksummed_section(file, fields.section, fields.crc32, names.section, source_name),
      fields.rows, fields.dims, Dtype::float32);
}

}  // namespace embedtool
