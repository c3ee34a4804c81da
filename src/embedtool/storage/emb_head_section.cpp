#include "embedtool/storage/emb_head_section.h"

#include "embedtool/errors.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

std::string head_kind_problem(std::string_view kind) {
  if (kind.empty()) return "is empty";
  if (kind.size() > kEmbHeadKindMaxBytes) {
    return "has " + decimal(kind.size()) + " bytes, more than " + decimal(kEmbHeadKindMaxBytes);
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

void check_head_savable(const EmbeddingModel& model, const std::string& destination) {
  if (!model.head) return;
  const std::string problem = head_kind_problem(model.head->kind);
  if (!problem.empty()) {
    // Qualified: std::quoted, found through the std::string argument, would be a better match.
    throw Error("cannot save " + destination + ": the head kind " +
                embedtool::quoted(model.head->kind) + " " + problem);
  }
  const auto head_dims = static_cast<std::uint64_t>(model.head->weights.cols());
  const auto output_dim = static_cast<std::uint64_t>(model.vectors.cols());
  if (head_dims != output_dim) {
    throw Error("cannot save " + destination + ": the " + model.head->kind + " head's weights have " +
                decimal(head_dims) + " columns, expected output_dim = " + decimal(output_dim) +
                " (the matrix's columns)");
  }
}

HeadWeights decode_head_section(std::span<const std::byte> section, const EmbHeadFields& fields) {
  return {fields.kind, decode_matrix_section(section, fields.rows, fields.dims, Dtype::float32)};
}

}  // namespace embedtool
