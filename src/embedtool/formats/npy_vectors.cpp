#include "embedtool/formats/npy_vectors.h"

#include <bit>
#include <cmath>
#include <limits>

#include "embedtool/errors.h"
#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/npy_header.h"
#include "embedtool/formats/word_list.h"
#include "embedtool/formats/word_rules.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/float16.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

struct ValueType {
  bool big_endian = false;
  std::size_t size = 4;  // 2, 4 or 8 bytes: float16, float32, float64
};

ValueType value_type_of(const std::string& descr, const std::string& source) {
  const bool known = descr.size() == 3 && (descr[0] == '<' || descr[0] == '>' || descr[0] == '=') &&
                     descr[1] == 'f' && (descr[2] == '2' || descr[2] == '4' || descr[2] == '8');
  if (!known) {
    throw Error(source + " holds values of numpy type " + embedtool::quoted(descr) +
                "; embedtool reads float16, float32 and float64 arrays ('<f2', '<f4', '<f8')");
  }
  return {descr[0] == '>', static_cast<std::size_t>(descr[2] - '0')};
}

// The value at `at` as a float32, whatever its stored type.
float load_value(const std::byte* at, const ValueType& type) {
  std::byte little[8];
  for (std::size_t i = 0; i < type.size; ++i) little[i] = at[type.big_endian ? type.size - 1 - i : i];
  if (type.size == 2) return float_of_float16_bits(le::load_u16(little));
  if (type.size == 4) return le::load_f32(little);
  return static_cast<float>(std::bit_cast<double>(le::load_u64(little)));
}

bool fits_float32(const std::byte* at, const ValueType& type) {
  if (type.size != 8) return true;
  std::byte little[8];
  for (std::size_t i = 0; i < 8; ++i) little[i] = at[type.big_endian ? 7 - i : i];
  const double value = std::bit_cast<double>(le::load_u64(little));
  return !std::isfinite(value) || std::abs(value) <= std::numeric_limits<float>::max();
}

}  // namespace

std::string npy_word_list_path(const std::string& npy_path) {
  constexpr std::string_view kExtension = ".npy";
  const bool has_extension = npy_path.size() > kExtension.size() && npy_path.ends_with(kExtension);
  return (has_extension ? npy_path.substr(0, npy_path.size() - kExtension.size()) : npy_path) +
         ".vocab.txt";
}

EmbeddingModel read_npy_vectors(std::span<const std::byte> bytes, const std::string& source_name,
                                const std::string& word_list_path, const ForeignReadOptions& options) {
  const NpyHeader header = decode_npy_header(bytes, source_name);
  const ValueType type = value_type_of(header.descr, source_name);
  if (header.shape.size() != 2) {
    throw Error(source_name + " holds a " + decimal(header.shape.size()) +
                "-dimensional array; embedtool reads 2-dimensional (rows, dims) arrays");
  }
  const std::uint64_t rows = header.shape[0];
  const std::uint64_t dims = header.shape[1];
  const auto cells = checked_mul(rows, dims);
  const auto data_bytes = cells ? checked_mul(*cells, type.size) : std::nullopt;
  const std::uint64_t available = bytes.size() - header.data_offset;
  if (!data_bytes || *data_bytes != available) {
    throw Error(source_name + (data_bytes && *data_bytes > available ? " is truncated" : " has the wrong size") +
                ": shape (" + decimal(rows) + ", " + decimal(dims) + ") of " + header.descr +
                " needs " + (data_bytes ? decimal(*data_bytes) : std::string("more than 2^64")) +
                " bytes after the header, the file has " + decimal(available));
  }

  std::vector<WordListEntry> words = read_word_list(word_list_path, WordListKind::words_or_counts,
                                                    options.unicode_errors);
  std::uint64_t rows_without_line = 0;  // 2 when the list leaves out the reserved rows
  if (rows >= kReservedIds && words.size() == rows - kReservedIds) {
    words.insert(words.begin(), {{std::string(kPaddingToken), 0}, {std::string(kUnknownToken), 0}});
    rows_without_line = kReservedIds;
  } else if (words.size() != rows) {
    throw Error("the word list " + word_list_path + " has " + decimal(words.size()) +
                " words, but the array in " + source_name + " has " + decimal(rows) +
                " rows (expected one word per row, or two fewer when rows 0 and 1 are <pad> and <unk>)");
  }

  ForeignModelBuilder builder(rows, dims, options.limit, word_list_path,
                              [rows_without_line](std::uint64_t entry) {
                                return "line " + decimal(entry + 1 - rows_without_line);
                              });
  const std::byte* data = bytes.data() + header.data_offset;
  for (std::uint64_t row = 0; row < rows && !builder.full(); ++row) {
    float* values = builder.add(std::move(words[row].word), words[row].count);
    for (std::uint64_t col = 0; col < dims; ++col) {
      const std::uint64_t cell = header.fortran_order ? col * rows + row : row * dims + col;
      const std::byte* at = data + cell * type.size;
      if (!fits_float32(at, type)) {
        throw Error(source_name + ": the float64 value at row " + decimal(row) + ", column " +
                    decimal(col) + " is beyond the float32 range");
      }
      values[col] = load_value(at, type);
    }
  }
  return builder.finish(VectorFormat::npy);
}

void write_npy_vectors(const EmbeddingModel& model, Dtype dtype, OutputFile& array,
                       OutputFile& word_list) {
  check_matrix_fits_dtype(model.vectors, dtype, array.display_name());
  for (WordId row = 0; row < model.vectors.rows(); ++row) {
    check_word_writable(model.vocabulary.word(row), row, "an .npy word list", word_list.display_name(),
                        kLineAndTab);
  }
  array.write(encode_npy_header(dtype == Dtype::float16 ? "<f2" : "<f4",
                                static_cast<std::uint64_t>(model.vectors.rows()),
                                static_cast<std::uint64_t>(model.vectors.cols())));
  for_each_encoded_matrix_chunk(model.vectors, dtype,
                                [&array](std::span<const std::byte> chunk) { array.write(chunk); });
  write_word_list(model, 0, "an .npy word list", word_list);
}

}  // namespace embedtool
