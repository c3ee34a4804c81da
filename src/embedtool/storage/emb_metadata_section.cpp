#include "embedtool/storage/emb_metadata_section.h"

#include "embedtool/errors.h"

namespace embedtool {

std::string encode_metadata_section(const nlohmann::json& metadata, const std::string& destination) {
  // Readers expect an object, so that later versions can add keys next to the existing ones.
  if (!metadata.is_object()) {
    throw Error("cannot save " + destination + ": model metadata is a JSON " +
                std::string(metadata.type_name()) + ", expected an object");
  }
  try {
    return metadata.dump();
  } catch (const nlohmann::json::exception& e) {
    throw Error("cannot save " + destination + ": model metadata cannot be written as JSON (" +
                e.what() + ")");
  }
}

nlohmann::json decode_metadata_section(std::span<const std::byte> section,
                                       const std::string& source_name) {
  const auto* text = reinterpret_cast<const char*>(section.data());
  nlohmann::json metadata;
  try {
    metadata = nlohmann::json::parse(text, text + section.size());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(source_name + ": the metadata section is not valid JSON (byte " +
                std::to_string(e.byte) + " of the section): " + e.what());
  } catch (const nlohmann::json::exception& e) {
    // e.g. out_of_range for a number too large for a double (found by fuzz/fuzz_emb_reader).
    throw Error(source_name + ": the metadata section cannot be read: " + e.what());
  }
  if (!metadata.is_object()) {
    throw Error(source_name + ": the metadata section holds a JSON " +
                std::string(metadata.type_name()) + ", expected an object");
  }
  return metadata;
}

}  // namespace embedtool
