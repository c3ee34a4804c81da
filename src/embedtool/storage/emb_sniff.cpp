#include "embedtool/storage/emb_sniff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "embedtool/storage/emb_header.h"

namespace embedtool {

bool is_emb_model_file(const std::string& path) {
  std::error_code error;
  if (path == "-" || !std::filesystem::is_regular_file(path, error)) return false;
  std::ifstream file(path, std::ios::binary);
  char start[kEmbMagic.size()] = {};
  if (!file.read(start, sizeof start)) return false;  // short or unreadable: its reader says so
  return std::equal(kEmbMagic.begin(), kEmbMagic.end(), start,
                    [](std::byte magic, char byte) { return magic == std::byte(byte); });
}

}  // namespace embedtool
