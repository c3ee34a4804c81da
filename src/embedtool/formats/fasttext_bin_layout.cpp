#include "embedtool/formats/fasttext_bin_layout.h"

#include <algorithm>
#include <optional>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_cursor.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

constexpr std::uint64_t kArgsBytes = 12 * 4 + 8;
// The fewest bytes a dictionary entry takes: an empty word's NUL, the count and the type.
constexpr std::uint64_t kSmallestEntryBytes = 1 + 8 + 1;
// Far beyond any real model (fastText's own default is 300 at most in practice); keeps a damaged
// dim from turning into a huge allocation per row.
constexpr std::int32_t kMaxDim = 1 << 20;
// fastText n-grams longer than this would be longer than any word worth a vector.
constexpr std::int32_t kMaxNgramLength = 1 << 10;

void check_version(std::int32_t version, const std::string& source) {
  if (version > kFastTextNewestVersion || version < kFastTextOldestVersion) {
    throw Error(source + " was written by fastText file format version " + std::to_string(version) +
                "; embedtool reads versions " + std::to_string(kFastTextOldestVersion) + " and " +
                std::to_string(kFastTextNewestVersion) + " (fastText 0.2 to 0.9.2)");
  }
}

FastTextArgs read_args(FastTextCursor& in) {
  FastTextArgs args;
  const std::string_view what = "the settings block";
  in.need(kArgsBytes, what);
  args.dim = in.i32(what);
  args.ws = in.i32(what);
  args.epoch = in.i32(what);
  args.min_count = in.i32(what);
  args.neg = in.i32(what);
  args.word_ngrams = in.i32(what);
  args.loss = in.i32(what);
  args.model = in.i32(what);
  args.bucket = in.i32(what);
  args.minn = in.i32(what);
  args.maxn = in.i32(what);
  args.lr_update_rate = in.i32(what);
  args.t = in.f64(what);
  return args;
}

void check_args(const FastTextArgs& args, FastTextCursor& in, std::uint64_t args_at) {
  if (args.dim <= 0 || args.dim > kMaxDim) {
    in.fail("its dim is " + std::to_string(args.dim) + ", expected 1 to " + std::to_string(kMaxDim), args_at);
  }
  if (args.bucket < 0) in.fail("its bucket count is " + std::to_string(args.bucket), args_at + 32);
  if (args.minn < 0 || args.minn > kMaxNgramLength || args.maxn < 0 || args.maxn > kMaxNgramLength) {
    in.fail("its n-gram lengths are minn " + std::to_string(args.minn) + ", maxn " +
                std::to_string(args.maxn) + ", expected 0 to " + std::to_string(kMaxNgramLength),
            args_at + 36);
  }
}

FastTextMatrixPlace read_matrix(FastTextCursor& in, std::string_view name, std::int32_t dim) {
  const std::uint64_t header_at = in.at();
  const std::string what = "the " + std::string(name) + " matrix";
  const std::int64_t rows = in.i64(what);
  const std::int64_t cols = in.i64(what);
  if (rows < 0 || cols < 0) {
    in.fail(what + " has shape " + std::to_string(rows) + " x " + std::to_string(cols), header_at);
  }
  if (cols != dim) {
    in.fail(what + " has " + std::to_string(cols) + " columns, its dim says " + std::to_string(dim),
            header_at + 8);
  }
  FastTextMatrixPlace place{static_cast<std::uint64_t>(rows), static_cast<std::uint64_t>(cols), in.at(), std::nullopt};
  const std::optional<std::uint64_t> values = checked_mul(place.rows, place.cols);
  const std::optional<std::uint64_t> bytes = values ? checked_mul(*values, 4) : std::nullopt;
  if (!bytes) in.fail(what + " has shape " + decimal(place.rows) + " x " + decimal(place.cols), header_at);
  in.skip(*bytes, what + " (" + decimal(place.rows) + " x " + decimal(place.cols) + " float32)");
  return place;
}

// A dense matrix or, after a quantization flag of 1, a product-quantized one.
FastTextMatrixPlace read_input_or_output(FastTextCursor& in, std::string_view name, std::int32_t dim, bool quantized) {
  if (!quantized) return read_matrix(in, name, dim);
  const QuantizedMatrixPlace matrix = read_quantized_matrix(in, name, dim);
  return {matrix.rows, matrix.cols, 0, matrix};
}

// The pairs of a pruned dictionary (`fasttext quantize -cutoff`), in the file's order: each an
// n-gram bucket and the row it kept. fastText writes them from a hash map, so in no order.
std::vector<PrunedNgram> read_pruned_pairs(FastTextCursor& in, std::int64_t count, std::int32_t buckets) {
  const std::string what = "the dictionary's " + std::to_string(count) + " pruned n-gram pairs";
  const std::optional<std::uint64_t> bytes = checked_mul(static_cast<std::uint64_t>(count), 8);
  if (!bytes) in.fail("its pruned n-gram count is " + std::to_string(count), in.at());
  in.need(*bytes, what);  // before reserving memory for them
  std::vector<PrunedNgram> pairs;
  pairs.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    const std::uint64_t pair_at = in.at();
    const std::int32_t bucket = in.i32(what);
    const std::int32_t row = in.i32(what);
    if (bucket < 0 || bucket >= buckets) {
      in.fail("pruned n-gram pair " + std::to_string(i + 1) + " of " + std::to_string(count) + " names bucket " +
                  std::to_string(bucket) + ", expected 0 to " + std::to_string(buckets - 1),
              pair_at);
    }
    if (row < 0) {
      in.fail("pruned n-gram pair " + std::to_string(i + 1) + " of " + std::to_string(count) +
                  " gives bucket " + std::to_string(bucket) + " row " + std::to_string(row),
              pair_at + 4);
    }
    pairs.push_back({static_cast<std::uint32_t>(bucket), static_cast<std::uint32_t>(row)});
  }
  return pairs;
}

// Every kept row must be in the input matrix, after the words' rows; sorted for ngram_row's
// binary search, where a bucket listed twice would be ambiguous.
void check_pruned_pairs(FastTextCursor& in, std::vector<PrunedNgram>& pairs, std::uint64_t pairs_at,
                        std::uint64_t words, std::uint64_t input_rows) {
  const std::uint64_t ngram_rows = input_rows - words;  // input_rows >= words: checked first
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (pairs[i].row >= ngram_rows) {
      in.fail("pruned n-gram pair " + decimal(i + 1) + " of " + decimal(pairs.size()) + " gives bucket " +
                  decimal(pairs[i].bucket) + " input row " + decimal(words + pairs[i].row) +
                  ", past the input matrix's " + decimal(input_rows) + " rows",
              pairs_at + 8 * i + 4);
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const PrunedNgram& a, const PrunedNgram& b) { return a.bucket < b.bucket; });
  const auto twice = std::adjacent_find(pairs.begin(), pairs.end(), [](const PrunedNgram& a, const PrunedNgram& b) {
    return a.bucket == b.bucket;
  });
  if (twice != pairs.end()) {
    in.fail("bucket " + decimal(twice->bucket) + " is in the pruned n-gram pairs twice", pairs_at);
  }
}

}  // namespace

std::optional<std::uint64_t> FastTextLayout::ngram_row(std::uint64_t bucket) const {
  if (!pruned_ngrams) return words + bucket;
  const auto found = std::lower_bound(pruned_ngrams->begin(), pruned_ngrams->end(), bucket,
                                      [](const PrunedNgram& pair, std::uint64_t key) { return pair.bucket < key; });
  if (found == pruned_ngrams->end() || found->bucket != bucket) return std::nullopt;
  return words + found->row;
}

std::string FastTextLayout::model_name() const {
  switch (args.model) {
    case 1: return "cbow";
    case 2: return "skipgram";
    case 3: return "supervised";
    default: return "model " + std::to_string(args.model);
  }
}

std::string FastTextLayout::loss_name() const {
  switch (args.loss) {
    case 1: return "hs";
    case 2: return "ns";
    case 3: return "softmax";
    case 4: return "ova";
    default: return "loss " + std::to_string(args.loss);
  }
}

bool has_fasttext_magic(std::span<const std::byte> bytes) {
  return bytes.size() >= 4 && le::load_u32(bytes.data()) == kFastTextMagic;
}

bool looks_like_old_fasttext(std::span<const std::byte> bytes) {
  if (bytes.size() < kArgsBytes) return false;
  const auto field = [&](std::size_t index) {
    return static_cast<std::int32_t>(le::load_u32(bytes.data() + 4 * index));
  };
  // dim, then loss (1..3) and model (1..3) at fields 6 and 7: no word2vec text header (ASCII
  // digits) nor any other format here has small binary integers there.
  return field(0) > 0 && field(0) <= kMaxDim && field(6) >= 1 && field(6) <= 3 && field(7) >= 1 &&
         field(7) <= 3;
}

FastTextLayout parse_fasttext_layout(std::span<const std::byte> bytes, const std::string& source) {
  FastTextCursor in(bytes, source);
  FastTextLayout layout;
  if (bytes.size() >= 4 && !has_fasttext_magic(bytes)) {
    if (looks_like_old_fasttext(bytes)) {
      throw Error(source + " is a fastText model in the layout of fastText before 0.2 (no magic "
                           "number), which embedtool does not read: load it with fastText 0.9 "
                           "and save it again, or read its .vec file");
    }
    throw Error(source + " is not a fastText model (bad magic: expected ba 16 4f 2f, found " +
                hex_bytes(bytes.first(4)) + ")");
  }
  in.i32("the magic number");
  layout.version = in.i32("the version");
  check_version(layout.version, source);

  const std::uint64_t args_at = in.at();
  layout.args = read_args(in);
  check_args(layout.args, in, args_at);
  // fastText's own rule: a version 11 classifier was trained without character n-grams.
  if (layout.version == 11 && layout.args.model == 3) layout.args.maxn = 0;

  const std::uint64_t dictionary_at = in.at();
  const std::string_view dictionary = "the dictionary header";
  const std::int32_t size = in.i32(dictionary);
  const std::int32_t nwords = in.i32(dictionary);
  const std::int32_t nlabels = in.i32(dictionary);
  layout.ntokens = in.i64(dictionary);
  const std::int64_t pruneidx_size = in.i64(dictionary);
  if (size < 0 || nwords < 0 || nlabels < 0 || std::int64_t{nwords} + nlabels != size) {
    in.fail("its dictionary has " + std::to_string(size) + " entries, " + std::to_string(nwords) +
                " words and " + std::to_string(nlabels) + " labels",
            dictionary_at);
  }
  if (pruneidx_size < -1) {
    in.fail("its dictionary's pruned n-gram count is " + std::to_string(pruneidx_size), dictionary_at + 20);
  }
  // Checked before reserving memory for the entries: each takes at least 10 bytes.
  in.need(static_cast<std::uint64_t>(size) * kSmallestEntryBytes, "the dictionary's " + decimal(size) + " entries");
  layout.words = static_cast<std::uint64_t>(nwords);
  layout.labels = static_cast<std::uint64_t>(nlabels);
  layout.entries.reserve(static_cast<std::size_t>(size));
  // One buffer for every entry's name in messages: a string made per entry was a tenth of the
  // time to open a 2M-word model.
  std::string what;
  what.reserve(64);
  const std::string of_size = " of " + std::to_string(size);
  for (std::int32_t i = 0; i < size; ++i) {
    const std::uint64_t entry_at = in.at();
    what.assign("dictionary entry ").append(std::to_string(i + 1)).append(of_size);
    const std::string_view word = in.c_string(what);
    const std::int64_t count = in.i64(what);
    const std::uint8_t type = in.u8(what);
    if (word.empty()) in.fail(what + " is an empty word", entry_at);
    if (type > 1) in.fail(what + " has type " + std::to_string(type) + ", expected 0 (word) or 1 (label)", entry_at);
    const bool label = type == 1;
    // fastText sorts words before labels, and its nwords counts the words.
    if (label != (i >= nwords)) {
      in.fail(what + (label ? " is a label among the words" : " is a word among the labels"), entry_at);
    }
    layout.entries.push_back({word, entry_at, count, label});
  }
  const std::uint64_t pairs_at = in.at();
  std::vector<PrunedNgram> pairs;
  if (pruneidx_size > 0) pairs = read_pruned_pairs(in, pruneidx_size, layout.args.bucket);

  const std::uint64_t quantized_at = in.at();
  const std::uint8_t quantized = in.u8("the quantization flag");
  if (quantized > 1) in.fail("its quantization flag is " + std::to_string(quantized) + ", expected 0 or 1", quantized_at);
  if (quantized == 0 && pruneidx_size >= 0) {
    in.fail("its dictionary is pruned but its matrix is not quantized (fastText refuses such a "
            "file too)",
            dictionary_at + 20);
  }
  const std::uint64_t input_at = in.at();
  layout.input = read_input_or_output(in, "input", layout.args.dim, quantized == 1);
  // A pruned dictionary keeps only the n-gram rows its pairs list; otherwise every bucket has one.
  const bool pruned = pruneidx_size >= 0;
  const std::uint64_t buckets = layout.has_char_ngrams() && !pruned ? static_cast<std::uint64_t>(layout.args.bucket) : 0;
  if (layout.input.rows < layout.words + buckets) {
    in.fail("the input matrix has " + decimal(layout.input.rows) + " rows, fewer than its " +
                decimal(layout.words) + " words" +
                (buckets > 0 ? " and " + decimal(buckets) + " n-gram buckets" : std::string()),
            input_at);
  }
  if (pruned) {
    check_pruned_pairs(in, pairs, pairs_at, layout.words, layout.input.rows);
    layout.pruned_ngrams = std::move(pairs);
  }
  const std::uint64_t output_flag_at = in.at();
  const std::uint8_t quantized_output = in.u8("the output quantization flag");
  if (quantized_output > 1) {
    in.fail("its output quantization flag is " + std::to_string(quantized_output) + ", expected 0 or 1", output_flag_at);
  }
  // fastText reads the output as quantized only when the input is (its loadModel); a .bin's flag
  // may be 1 over a dense output matrix.
  layout.output = read_input_or_output(in, "output", layout.args.dim, quantized == 1 && quantized_output == 1);
  if (in.left() != 0) {
    in.fail("the file goes on after the output matrix (" + decimal(in.left()) + " more bytes)", in.at());
  }
  return layout;
}

}  // namespace embedtool
