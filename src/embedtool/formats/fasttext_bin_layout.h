#pragma once
// The layout of a fastText model file (.bin, and .ftz as `fasttext quantize` writes it) as
// fastText 0.9.2 writes it, read from its bytes without copying the matrices: what is where,
// every size checked against the file's size before anything is followed. docs/FORMAT.md has the
// table.
//
//   i32 magic 793712314, i32 version (11 or 12)
//   args: i32 dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn,
//         lrUpdateRate; f64 t
//   dictionary: i32 size, nwords, nlabels; i64 ntokens, pruneidx_size; `size` entries of
//         (word bytes, NUL, i64 count, i8 type: 0 word, 1 label); pruneidx_size (i32, i32) pairs
//   u8 quantized input; the input matrix: i64 rows, i64 cols, rows x cols f32 (row-major), or
//         when quantized a product-quantized matrix (fasttext_quantized_matrix.h)
//   u8 quantized output; the output matrix, the same way (quantized only if the input is)
//
// All little-endian (fastText writes host order; every machine it runs on is little-endian).
// The input matrix holds the nwords word rows, then the `bucket` n-gram rows (then, for
// fastText's document models, label rows). A quantized model's dictionary may be pruned
// (`fasttext quantize -cutoff`): its words are those that kept a row, and its pairs map an
// n-gram's bucket to the row it kept; a bucket not listed has no row. The layout before the
// magic number (fastText < 0.2) and versions above 12 are refused by name.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/formats/fasttext_quantized_matrix.h"

namespace embedtool {

inline constexpr std::uint32_t kFastTextMagic = 793712314;  // bytes ba 16 4f 2f
inline constexpr std::int32_t kFastTextNewestVersion = 12;  // fastText 0.9.x
inline constexpr std::int32_t kFastTextOldestVersion = 11;  // the first with the magic number

// fastText's settings as stored (its names); enums as their numbers.
struct FastTextArgs {
  std::int32_t dim = 0;
  std::int32_t ws = 0;
  std::int32_t epoch = 0;
  std::int32_t min_count = 0;
  std::int32_t neg = 0;
  std::int32_t word_ngrams = 0;
  std::int32_t loss = 0;   // 1 hs, 2 ns, 3 softmax, 4 ova
  std::int32_t model = 0;  // 1 cbow, 2 skipgram, 3 supervised
  std::int32_t bucket = 0;
  std::int32_t minn = 0;
  std::int32_t maxn = 0;
  std::int32_t lr_update_rate = 0;
  double t = 0;
};

struct FastTextEntry {
  std::string_view word;  // the bytes in the file (fastText splits on ASCII whitespace only)
  std::uint64_t offset;   // where they start, for messages
  std::int64_t count;
  bool label;
};

struct FastTextMatrixPlace {
  std::uint64_t rows = 0;
  std::uint64_t cols = 0;
  std::uint64_t offset = 0;  // of the first value (not aligned: use little_endian::load_f32)
  // Set for a product-quantized matrix (.ftz), whose rows are decoded; `offset` is unused then.
  std::optional<QuantizedMatrixPlace> quantized;
};

// One n-gram bucket that kept a row when the dictionary was pruned.
struct PrunedNgram {
  std::uint32_t bucket;  // < args.bucket
  std::uint32_t row;     // counted from the first n-gram row (input row nwords + row)
};

struct FastTextLayout {
  std::int32_t version = 0;
  FastTextArgs args;
  std::int64_t ntokens = 0;
  std::uint64_t words = 0;   // the first `words` entries are words, the rest labels
  std::uint64_t labels = 0;
  std::vector<FastTextEntry> entries;
  FastTextMatrixPlace input;
  FastTextMatrixPlace output;
  // A pruned dictionary's buckets that kept a row, sorted by bucket; nullopt when not pruned
  // (every bucket has its row). Empty when pruning kept no n-gram at all.
  std::optional<std::vector<PrunedNgram>> pruned_ngrams;

  bool quantized() const { return input.quantized.has_value(); }
  // The input row of n-gram bucket `bucket` (< args.bucket): nwords + bucket, or in a pruned
  // dictionary the row it kept, or nullopt if pruning dropped it (fastText's pushHash then
  // leaves the n-gram out, of the mean too).
  std::optional<std::uint64_t> ngram_row(std::uint64_t bucket) const;

  // Whether words have n-gram rows: fastText's getSubwords adds none when maxn is 0, and a
  // version 11 classifier was trained without them whatever it says.
  bool has_char_ngrams() const { return args.maxn > 0 && args.bucket > 0; }
  std::string model_name() const;  // "skipgram", "cbow", "supervised", or "model 7"
  std::string loss_name() const;
};

// True if `bytes` start with fastText's magic number.
bool has_fasttext_magic(std::span<const std::byte> bytes);

// True if `bytes` look like a fastText model of the layout before the magic number (fastText
// before 0.2): the args block at offset 0, with a plausible dim, loss and model. Used to name
// such a file instead of failing to read it as word2vec binary.
bool looks_like_old_fasttext(std::span<const std::byte> bytes);

// Throws Error naming `source` for anything that is not a complete fastText model (quantized or
// not) of version 11 or 12: one line saying what was expected and what was found, and where.
FastTextLayout parse_fasttext_layout(std::span<const std::byte> bytes, const std::string& source);

}  // namespace embedtool
