#include "embedtool/storage/emb_verify.h"

#include <cmath>
#include <functional>
#include <optional>

#include "embedtool/errors.h"
#include "embedtool/storage/emb_hash_index.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_labels_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_norms_section.h"
#include "embedtool/storage/emb_section_checksum.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/emb_vocabulary_view.h"

namespace embedtool {
namespace {

// Runs `check`; returns false and records its message if it throws Error.
bool passes(std::vector<std::string>& problems, const std::function<void()>& check) {
  try {
    check();
    return true;
  } catch (const Error& error) {
    problems.emplace_back(error.what());
    return false;
  }
}

// Each stored length equals the row's, to float rounding (another writer may sum differently).
void check_norms_match_rows(const float* stored, const EmbHeader& header,
                            std::span<const std::byte> file, const std::string& source_name) {
  const StoredRows rows{file.data() + header.matrix.offset, header.rows, header.dims,
                        header.value_type(), nullptr};
  const std::vector<float> computed = row_norms(rows);
  for (std::uint64_t row = 0; row < header.rows; ++row) {
    if (stored[row] == computed[row]) continue;
    const float tolerance = 1e-5f * computed[row];
    if (std::abs(stored[row] - computed[row]) <= tolerance) continue;
    if (std::isnan(stored[row]) && std::isnan(computed[row])) continue;
    throw Error(source_name + ": the norms section says row " + std::to_string(row) + " has length " +
                std::to_string(stored[row]) + ", but its values give " + std::to_string(computed[row]));
  }
}

}  // namespace

std::vector<std::string> find_emb_problems(std::span<const std::byte> file,
                                           const std::string& source_name) {
  std::vector<std::string> problems;
  std::optional<EmbHeader> header;
  if (!passes(problems, [&] { header = decode_emb_header(file, source_name); })) return problems;

  passes(problems, [&] {
    decode_metadata_section(checksummed_section(file, header->metadata, header->metadata_crc32,
                                                "metadata", source_name),
                            source_name);
  });

  std::span<const std::byte> vocabulary;
  const bool vocabulary_ok = passes(problems, [&] {
    vocabulary = checksummed_section(file, header->vocabulary, header->vocabulary_crc32,
                                     "vocabulary", source_name);
    decode_vocabulary_section(vocabulary, header->rows, source_name);
  });

  if (header->has_hash_index()) {
    passes(problems, [&] {
      const EmbHashIndexView index(checksummed_section(file, header->hash_index,
                                                       header->hash_index_crc32, "hash index",
                                                       source_name));
      // The index can only be followed through a sound vocabulary.
      if (vocabulary_ok) check_hash_index(index, EmbVocabularyView(vocabulary, header->rows, source_name));
    });
  }

  if (header->has_labels()) {
    passes(problems, [&] {
      decode_labels_section(checksummed_section(file, header->labels.section, header->labels.crc32,
                                                "labels", source_name),
                            header->labels.count, source_name);
    });
  }

  const bool matrix_ok = passes(problems, [&] {
    checksummed_section(file, header->matrix, header->matrix_crc32, "matrix", source_name);
  });

  // The header has checked the rows sections' shapes; their values, like the matrix's, may be
  // anything.
  for (const EmbRowsSectionRef& rows : header->rows_sections()) {
    if (!rows.fields.present()) continue;
    passes(problems, [&] {
      checksummed_section(file, rows.fields.section, rows.fields.crc32, rows.names.section, source_name);
    });
  }
  if (header->has_norms()) {
    passes(problems, [&] {
      const float* stored = checked_norms_in_place(file, *header, source_name);
      // A sound checksum over wrong lengths (a buggy writer) would still skew every cosine:
      // compared with the rows, when they are sound.
      if (matrix_ok) check_norms_match_rows(stored, *header, file, source_name);
    });
  }
  return problems;
}

}  // namespace embedtool
