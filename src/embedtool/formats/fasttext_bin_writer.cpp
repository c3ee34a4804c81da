#include "embedtool/formats/fasttext_bin_writer.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_bin_layout.h"
#include "embedtool/formats/word_rules.h"
#include "embedtool/storage/char_ngram_vectors.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/text/char_ngrams.h"

namespace embedtool {
namespace {

namespace le = little_endian;

// fastText's enum values (its args.h).
constexpr std::int32_t kLossNegativeSampling = 2;
constexpr std::int32_t kModelCbow = 1;
constexpr std::int32_t kModelSkipgram = 2;
constexpr std::int8_t kEntryWord = 0;

// Little-endian values appended to a byte string, as fastText writes them on every machine it
// runs on.
class Bytes {
 public:
  void i32(std::int32_t value) { le::store_u32(grow(4), static_cast<std::uint32_t>(value)); }
  void i64(std::int64_t value) { le::store_u64(grow(8), static_cast<std::uint64_t>(value)); }
  void i8(std::int8_t value) { text_.push_back(static_cast<char>(value)); }
  void f64(double value) { le::store_u64(grow(8), std::bit_cast<std::uint64_t>(value)); }
  void c_string(std::string_view text) {
    text_.append(text);
    text_.push_back('\0');
  }
  void f32_row(const float* values, Eigen::Index count) {
    std::byte* out = grow(4 * static_cast<std::size_t>(count));
    for (Eigen::Index i = 0; i < count; ++i) le::store_f32(out + 4 * i, values[i]);
  }
  // Hands the bytes so far to `out` and starts again (rows are written a few at a time).
  void flush_to(OutputFile& out) {
    out.write(text_);
    text_.clear();
  }

 private:
  // `bytes` more at the end, to be written.
  std::byte* grow(std::size_t bytes) {
    const std::size_t at = text_.size();
    text_.resize(at + bytes);
    return reinterpret_cast<std::byte*>(text_.data() + at);
  }
  std::string text_;
};

// A setting from the model's metadata (train writes them), or fastText's default.
std::int32_t setting(const EmbeddingModel& model, const char* key, std::int32_t fallback) {
  const auto found = model.metadata.find(key);
  if (found == model.metadata.end() || !found->is_number_integer()) return fallback;
  const auto value = found->get<std::int64_t>();
  return value > 0 && value < (1 << 30) ? static_cast<std::int32_t>(value) : fallback;
}

void check_writable_as_fasttext(const EmbeddingModel& model, const std::string& destination) {
  // A classifier's file would need its labels in the dictionary and its head as fastText lays
  // it out; and word n-grams hashed from word ids (training/line_input_rows.h) would land in
  // other buckets than fastText looks in. Its character n-grams alone would fit, but not the
  // rest, so none is written.
  if (!model.labels.empty())
    throw Error("cannot write " + destination + " as a fastText model: it is a classifier, and "
                "embedtool writes fastText files of word models only (its word n-grams are "
                "hashed from word ids, as fastText's are not); write its word vectors as "
                "word2vec-text instead");
  if (model.buckets && model.buckets->kind != kCharNgramsKind)
    throw Error("cannot write " + destination + " as a fastText model: its " +
                model.buckets->kind + " bucket rows have no place in a fastText file");
  if (model.buckets && model.buckets->rows.rows() > 2147483647)
    throw Error("cannot write " + destination + " as a fastText model: it has more bucket rows "
                "than fastText's 32-bit bucket count holds");
  // fastText reads a dictionary word up to its NUL, and queries split at whitespace.
  const std::string separators = std::string(kWhitespace) + '\0';
  for (WordId id = kFirstWordId; id < static_cast<WordId>(model.vocabulary.input_dim()); ++id)
    check_word_writable(model.vocabulary.word(id), id, "fasttext", destination, separators);
}

// A subword model's n-gram rows and how words address them; none for a word-only model.
struct CharNgramTable {
  CharNgramRange range;
  const Matrix* rows = nullptr;
  std::uint64_t buckets() const { return rows ? static_cast<std::uint64_t>(rows->rows()) : 0; }
};

CharNgramTable char_ngram_table(const EmbeddingModel& model, const std::string& destination) {
  if (!model.buckets) return {};
  return {char_ngram_range_of(model.metadata, destination), &model.buckets->rows};
}

// The input row fastText needs for `word` so that its mean with the word's n-gram rows is
// `vector` (the word's whole vector, as E holds it).
Eigen::RowVectorXf own_input_row(const Eigen::RowVectorXf& vector, std::string_view word,
                                 const CharNgramTable& table) {
  // fastText gives its end-of-sentence token no n-grams: its vector is its row.
  if (table.rows == nullptr || word == "</s>") return vector;
  Eigen::RowVectorXf ngrams = Eigen::RowVectorXf::Zero(vector.size());
  std::uint64_t count = 1;
  for (const std::uint64_t bucket : char_ngram_buckets(word, table.range, table.buckets())) {
    ngrams += table.rows->row(static_cast<Eigen::Index>(bucket));
    ++count;
  }
  return vector * static_cast<float>(count) - ngrams;
}

}  // namespace

void write_fasttext_bin(const EmbeddingModel& model, OutputFile& out) {
  check_writable_as_fasttext(model, out.display_name());
  const auto words = static_cast<std::int64_t>(model.vocabulary.word_count());
  const Eigen::Index dims = model.vectors.cols();
  Bytes bytes;
  bytes.i32(static_cast<std::int32_t>(kFastTextMagic));
  bytes.i32(kFastTextNewestVersion);

  // args: dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn,
  // lrUpdateRate, t.
  bytes.i32(static_cast<std::int32_t>(dims));
  bytes.i32(setting(model, "window", 5));
  bytes.i32(setting(model, "epochs", 5));
  bytes.i32(setting(model, "min_count", 1));
  bytes.i32(setting(model, "negatives", 5));
  bytes.i32(1);
  bytes.i32(kLossNegativeSampling);
  const bool cbow = model.metadata.value("architecture", std::string()) == "cbow";
  bytes.i32(cbow ? kModelCbow : kModelSkipgram);
  const CharNgramTable ngrams = char_ngram_table(model, out.display_name());
  bytes.i32(static_cast<std::int32_t>(ngrams.buckets()));
  bytes.i32(static_cast<std::int32_t>(ngrams.range.minn));
  bytes.i32(static_cast<std::int32_t>(ngrams.range.maxn));
  bytes.i32(100);  // lrUpdateRate, fastText's default
  const auto sample = model.metadata.find("sample");
  bytes.f64(sample != model.metadata.end() && sample->is_number() ? sample->get<double>() : 1e-4);

  // The dictionary: size, nwords, nlabels, ntokens, pruneidx_size (-1: not pruned), entries.
  std::int64_t tokens = 0;
  for (WordId id = kFirstWordId; id < static_cast<WordId>(model.vocabulary.input_dim()); ++id)
    tokens += static_cast<std::int64_t>(std::max<std::uint64_t>(model.vocabulary.count(id), 1));
  bytes.i32(static_cast<std::int32_t>(words));
  bytes.i32(static_cast<std::int32_t>(words));
  bytes.i32(0);
  bytes.i64(tokens);
  bytes.i64(-1);
  for (WordId id = kFirstWordId; id < static_cast<WordId>(model.vocabulary.input_dim()); ++id) {
    bytes.c_string(model.vocabulary.word(id));
    // fastText draws negatives in proportion to count^0.5: a count of 0 (a model read from a
    // format without counts) would leave its table empty.
    bytes.i64(static_cast<std::int64_t>(std::max<std::uint64_t>(model.vocabulary.count(id), 1)));
    bytes.i8(kEntryWord);
  }

  // The input matrix: not quantized, (words + buckets) × dims.
  bytes.i8(0);
  bytes.i64(words + static_cast<std::int64_t>(ngrams.buckets()));
  bytes.i64(dims);
  for (Eigen::Index row = kFirstWordId; row < model.vectors.rows(); ++row) {
    const Eigen::RowVectorXf own =
        own_input_row(model.vectors.row(row), model.vocabulary.word(static_cast<WordId>(row)), ngrams);
    bytes.f32_row(own.data(), dims);
    if (row % 1024 == 0) bytes.flush_to(out);
  }
  for (std::uint64_t bucket = 0; bucket < ngrams.buckets(); ++bucket) {
    bytes.f32_row(ngrams.rows->row(static_cast<Eigen::Index>(bucket)).data(), dims);
    if (bucket % 1024 == 0) bytes.flush_to(out);
  }
  // The output matrix: the ns head's rows are the words' (row k is id k + 2), as fastText's.
  const bool ns_head = model.head && model.head->kind == "ns" &&
                       model.head->weights.rows() == words && model.head->weights.cols() == dims;
  const std::vector<float> zeros(static_cast<std::size_t>(dims), 0.0f);
  bytes.i8(0);
  bytes.i64(words);
  bytes.i64(dims);
  for (Eigen::Index row = 0; row < words; ++row) {
    bytes.f32_row(ns_head ? model.head->weights.row(row).data() : zeros.data(), dims);
    if (row % 1024 == 0) bytes.flush_to(out);
  }
  bytes.flush_to(out);
}

}  // namespace embedtool
