// parse_model and load_model: the reading half of emb_format.h.
#include "embedtool/errors.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/file_bytes.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

// Checked before a section is parsed, so that corruption is reported as corruption rather than
// as whatever odd value the damaged bytes happen to spell.
std::span<const std::byte> verified_section(std::span<const std::byte> file, const EmbSection& section,
                                            std::uint32_t expected_crc, const char* name,
                                            const std::string& source_name) {
  // decode_emb_header has checked that the section lies inside the file.
  auto bytes = file.subspan(section.offset, section.size);
  std::uint32_t computed = crc32_of(bytes);
  if (computed != expected_crc) {
    throw Error(source_name + " has a corrupt " + name + " section (checksum mismatch: header says " +
                hex32(expected_crc) + ", computed " + hex32(computed) + ")");
  }
  return bytes;
}

}  // namespace

EmbeddingModel parse_model(std::span<const std::byte> bytes, const std::string& source_name) {
  const EmbHeader header = decode_emb_header(bytes, source_name);
  EmbeddingModel model;
  model.metadata = decode_metadata_section(
      verified_section(bytes, header.metadata, header.metadata_crc32, "metadata", source_name),
      source_name);
  model.vocabulary = decode_vocabulary_section(
      verified_section(bytes, header.vocabulary, header.vocabulary_crc32, "vocabulary", source_name),
      header.rows, source_name);
  model.vectors = decode_matrix_section(
      verified_section(bytes, header.matrix, header.matrix_crc32, "matrix", source_name), header.rows,
      header.dims);
  return model;
}

EmbeddingModel load_model(const std::string& path) { return parse_model(read_file_bytes(path), path); }

}  // namespace embedtool
