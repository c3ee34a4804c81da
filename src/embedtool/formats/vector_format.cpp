#include "embedtool/formats/vector_format.h"

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <utility>

namespace embedtool {
namespace {

constexpr std::array<std::pair<VectorFormat, std::string_view>, 7> kNames = {{
    {VectorFormat::emb, "emb"},
    {VectorFormat::word2vec_binary, "word2vec-binary"},
    {VectorFormat::word2vec_text, "word2vec-text"},
    {VectorFormat::glove, "glove"},
    {VectorFormat::npy, "npy"},
    {VectorFormat::projector, "projector"},
    {VectorFormat::fasttext, "fasttext"},
}};

std::string lowercase_extension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

bool is_unsigned_integer(std::string_view text) {
  if (text.empty()) return false;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

// The extensions that name one format whichever way the file is used.
std::optional<VectorFormat> format_of_extension(const std::string& extension) {
  if (extension == ".emb") return VectorFormat::emb;
  if (extension == ".bin") return VectorFormat::word2vec_binary;
  if (extension == ".npy") return VectorFormat::npy;
  if (extension == ".tsv") return VectorFormat::projector;
  return std::nullopt;
}

std::string first_line_of(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::string line;
  std::getline(file, line);
  return line;
}

// For a name that says nothing: the binary formats whose first bytes say what they are.
std::optional<VectorFormat> format_of_magic(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  char start[6] = {};
  file.read(start, sizeof start);
  const std::string_view magic(start, static_cast<std::size_t>(file.gcount()));
  if (magic.starts_with("\x89" "EMB")) return VectorFormat::emb;
  if (magic.starts_with("\x93NUMPY")) return VectorFormat::npy;
  if (magic.starts_with("\xba\x16\x4f\x2f")) return VectorFormat::fasttext;  // 793712314
  return std::nullopt;
}

}  // namespace

std::string_view format_name(VectorFormat format) {
  for (const auto& [known, name] : kNames) {
    if (known == format) return name;
  }
  return "?";
}

std::optional<VectorFormat> format_from_name(std::string_view name) {
  for (const auto& [format, known] : kNames) {
    if (known == name) return format;
  }
  return std::nullopt;
}

std::string format_names() {
  std::string names;
  for (const auto& [format, name] : kNames) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

VectorFormat text_format_from_first_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return VectorFormat::glove;
  std::string_view rows = line.substr(0, space);
  std::string_view dims = line.substr(space + 1);
  while (!dims.empty() && dims.front() == ' ') dims.remove_prefix(1);
  return is_unsigned_integer(rows) && is_unsigned_integer(dims) ? VectorFormat::word2vec_text
                                                                : VectorFormat::glove;
}

std::optional<VectorFormat> format_for_reading(const std::string& path) {
  if (path == "-") return std::nullopt;
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return VectorFormat::projector;
  const std::string extension = lowercase_extension(path);
  // fastText and word2vec both name their binary files .bin: the first bytes tell them apart.
  if (extension == ".bin" && format_of_magic(path) == VectorFormat::fasttext) return VectorFormat::fasttext;
  if (extension == ".ftz") return VectorFormat::fasttext;
  if (auto format = format_of_extension(extension)) return format;
  if (extension == ".vec" || extension == ".txt") {
    return text_format_from_first_line(first_line_of(path));
  }
  return format_of_magic(path);
}

std::optional<VectorFormat> format_for_writing(const std::string& path) {
  if (path == "-") return std::nullopt;
  std::error_code ignored;
  if (path.back() == '/' || std::filesystem::is_directory(path, ignored)) return VectorFormat::projector;
  const std::string extension = lowercase_extension(path);
  if (auto format = format_of_extension(extension)) return format;
  if (extension == ".vec") return VectorFormat::word2vec_text;
  if (extension == ".txt") return VectorFormat::glove;
  return std::nullopt;
}

}  // namespace embedtool
