#include "embedtool/pipeline/pad_vocabulary_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "embedtool/errors.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/mapped_model.h"
#include "embedtool/text/input_file.h"
#include "embedtool/vocabulary/vocabulary_io.h"

namespace embedtool {

namespace {

bool starts_with_emb_magic(const std::string& path) {
  // Only a regular file is sniffed: reading the first bytes of a pipe (`--vocab /dev/stdin`)
  // would take them from the vocab file it carries. A model is mapped, so it is a regular file.
  std::error_code error;
  if (path == "-" || !std::filesystem::is_regular_file(path, error)) return false;
  std::ifstream file(path, std::ios::binary);
  char start[kEmbMagic.size()] = {};
  if (!file.read(start, sizeof start)) return false;  // short or unreadable: InputFile reports it
  return std::equal(kEmbMagic.begin(), kEmbMagic.end(), start,
                    [](std::byte magic, char byte) { return magic == std::byte(byte); });
}

PadVocabulary read_model_vocabulary(const std::string& path) {
  // Mapped: only the vocabulary section is read, not the matrix.
  const MappedModel model(path);
  PadVocabulary result;
  for (std::uint64_t row = kReservedIds; row < model.rows(); ++row) {
    const auto id = static_cast<WordId>(row);
    result.vocabulary.add(std::string(model.word(id)), model.count(id));
  }
  const nlohmann::json& metadata = model.metadata();
  if (metadata.is_object() && metadata.contains("tokenizer")) {
    result.tokenizer = model_tokenizer_from_json(metadata["tokenizer"], model.display_name());
  }
  return result;
}

}  // namespace

PadVocabulary read_pad_vocabulary(const std::string& path) {
  if (starts_with_emb_magic(path)) return read_model_vocabulary(path);
  InputFile file(path);
  return {read_vocabulary_tsv(file.stream(), file.display_name()), std::nullopt};
}

}  // namespace embedtool
