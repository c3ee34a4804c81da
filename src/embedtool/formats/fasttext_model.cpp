#include "embedtool/formats/fasttext_model.h"

#include <utility>

#include "embedtool/errors.h"
#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/word_text.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/storage/char_ngram_vectors.h"
#include "embedtool/text/char_ngrams.h"

namespace embedtool {

namespace {

// fastText's end-of-sentence token: its vector is its own row only (fastText gives it no
// n-grams, in the dictionary or out of it).
constexpr std::string_view kFastTextEndOfSentence = "</s>";

}  // namespace

// Opened for sequential reading: the dictionary, read whole before any row, has no index, so
// a cold read of a 2M-word file pages in tens of megabytes; without read-ahead each page is
// its own wait on the disk. The matrices, of which a lookup reads a few rows, are then marked
// for random access.
FastTextModel::FastTextModel(const std::string& path)
    : file_(std::in_place, path, MappedFile::Access::sequential),
      bytes_(file_->bytes()),
      source_(file_->display_name()),
      layout_(parse_fasttext_layout(bytes_, source_)) {
  if (!layout_.quantized()) {
    file_->will_read(bytes_.subspan(layout_.input.offset), MappedFile::Access::random);
  }
  index_words();
}

FastTextModel::FastTextModel(std::span<const std::byte> bytes, std::string source_name)
    : bytes_(bytes), source_(std::move(source_name)), layout_(parse_fasttext_layout(bytes_, source_)) {
  index_words();
}

void FastTextModel::index_words() {
  visible_words_ = layout_.words;
  index_ = FastTextWordIndex(layout_.entries, layout_.words, source_);
}

void FastTextModel::limit_words(std::uint64_t words) {
  if (words < visible_words_) visible_words_ = words;
}

std::optional<WordId> FastTextModel::id_of(std::string_view word) const {
  const std::optional<std::uint64_t> entry = index_.find(word);
  if (!entry || *entry >= visible_words_) return std::nullopt;
  return static_cast<WordId>(*entry + kFirstWordId);
}

void FastTextModel::check_word_id(WordId id) const {
  if (id < 0 || static_cast<std::uint64_t>(id) >= rows()) {
    throw Error("row " + std::to_string(id) + " is out of range (" + source_ + " has rows 0 to " +
                decimal(rows() - 1) + ")");
  }
}

std::string_view FastTextModel::word(WordId id) const {
  check_word_id(id);
  if (id == kPaddingId) return "<pad>";
  if (id == kUnknownId) return "<unk>";
  return layout_.entries[static_cast<std::size_t>(id - kFirstWordId)].word;
}

Eigen::RowVectorXf FastTextModel::row(WordId id) const {
  check_word_id(id);
  if (id < kFirstWordId) return Eigen::RowVectorXf::Zero(layout_.args.dim);
  const auto entry = static_cast<std::uint64_t>(id - kFirstWordId);
  return mean_of(entry, layout_.entries[entry].word);
}

std::optional<Eigen::RowVectorXf> FastTextModel::subword_vector(std::string_view word) const {
  if (!has_subwords()) return std::nullopt;
  return mean_of(std::nullopt, word);
}

void FastTextModel::add_input_row(std::uint64_t row, Eigen::RowVectorXf& sum) const {
  if (layout_.input.quantized) {
    add_quantized_row(bytes_, *layout_.input.quantized, row, sum);
    return;
  }
  // In bounds: the layout checked that the matrix holds every word and bucket row.
  const std::byte* values = bytes_.data() + layout_.input.offset + row * layout_.input.cols * 4;
  for (Eigen::Index col = 0; col < sum.size(); ++col) sum[col] += little_endian::load_f32(values + 4 * col);
}

Eigen::RowVectorXf FastTextModel::mean_of(std::optional<std::uint64_t> word_row, std::string_view word) const {
  const auto dims = static_cast<std::uint64_t>(layout_.args.dim);
  std::optional<Eigen::RowVectorXf> own;
  if (word_row) {
    own = Eigen::RowVectorXf::Zero(layout_.args.dim);
    add_input_row(*word_row, *own);
  }
  // fastText gives its end-of-sentence token no n-grams.
  const bool ngrams = has_subwords() && word != kFastTextEndOfSentence;
  return char_ngram_mean(own ? &*own : nullptr, word,
                         {static_cast<std::uint32_t>(layout_.args.minn),
                          static_cast<std::uint32_t>(layout_.args.maxn)},
                         ngrams ? static_cast<std::uint64_t>(layout_.args.bucket) : 0, dims,
                         [this](std::uint64_t bucket, Eigen::RowVectorXf& sum) {
                           const std::optional<std::uint64_t> row = layout_.ngram_row(bucket);
                           if (row) add_input_row(*row, sum);
                           return row.has_value();
                         });
}

nlohmann::json FastTextModel::settings() const {
  const FastTextArgs& args = layout_.args;
  nlohmann::json settings = {{"version", layout_.version},
                             {"model", layout_.model_name()},
                             {"loss", layout_.loss_name()},
                             {"dim", args.dim},
                             {"ws", args.ws},
                             {"epoch", args.epoch},
                             {"minCount", args.min_count},
                             {"neg", args.neg},
                             {"wordNgrams", args.word_ngrams},
                             {"bucket", args.bucket},
                             {"minn", args.minn},
                             {"maxn", args.maxn},
                             {"lrUpdateRate", args.lr_update_rate},
                             {"t", args.t},
                             {"words", layout_.words},
                             {"labels", layout_.labels},
                             {"tokens", layout_.ntokens},
                             {"input_rows", layout_.input.rows},
                             {"output_rows", layout_.output.rows}};
  if (const auto& quantized = layout_.input.quantized) {
    settings["quantized"] = {{"dsub", quantized->quantizer.sub_dim},
                             {"qnorm", quantized->quantized_norms},
                             {"qout", layout_.output.quantized.has_value()},
                             {"pruned", layout_.pruned_ngrams.has_value()}};
  }
  return settings;
}

EmbeddingModel FastTextModel::load(const ForeignReadOptions& options) const {
  const std::vector<FastTextEntry>& entries = layout_.entries;
  ForeignModelBuilder builder(visible_words_, layout_.input.cols, options.limit, source_,
                              [&entries](std::uint64_t entry) {
                                return "dictionary entry " + decimal(entry + 1) + ", byte " +
                                       decimal(entries[entry].offset);
                              });
  for (std::uint64_t entry = 0; entry < visible_words_ && !builder.full(); ++entry) {
    std::string word = word_from_bytes(entries[entry].word, options.unicode_errors, source_, 0,
                                       entries[entry].offset);
    float* values = builder.add(std::move(word), static_cast<std::uint64_t>(std::max<std::int64_t>(0, entries[entry].count)));
    const Eigen::RowVectorXf vector = mean_of(entry, entries[entry].word);
    std::copy(vector.data(), vector.data() + vector.size(), values);
  }
  EmbeddingModel model = builder.finish(VectorFormat::fasttext);
  model.metadata["fasttext"] = settings();
  // A pruned model's buckets without a row cannot be carried: in an .emb every bucket has a row,
  // and a zero row would still count in an unseen word's mean, where fastText leaves it out.
  if (has_subwords() && options.char_ngram_rows && !layout_.pruned_ngrams) {
    const auto buckets = static_cast<Eigen::Index>(layout_.args.bucket);
    BucketRows rows{kCharNgramsKind, Matrix(buckets, layout_.args.dim)};
    for (Eigen::Index bucket = 0; bucket < buckets; ++bucket) {
      Eigen::RowVectorXf row = Eigen::RowVectorXf::Zero(layout_.args.dim);
      add_input_row(*layout_.ngram_row(static_cast<std::uint64_t>(bucket)), row);
      rows.rows.row(bucket) = row;
    }
    model.buckets = std::move(rows);
    // Where an .emb keeps what addresses its n-gram rows (char_ngram_vectors.h).
    model.metadata["minn"] = layout_.args.minn;
    model.metadata["maxn"] = layout_.args.maxn;
    model.metadata["buckets"] = layout_.args.bucket;
  }
  return model;
}

StoredRows FastTextModel::stored_rows() const {
  if (word_vectors_.rows() == 0) {
    word_vectors_ = Matrix::Zero(static_cast<Eigen::Index>(rows()), static_cast<Eigen::Index>(dims()));
    for (std::uint64_t entry = 0; entry < visible_words_; ++entry)
      word_vectors_.row(static_cast<Eigen::Index>(entry + kReservedIds)) =
          mean_of(entry, layout_.entries[entry].word);
  }
  return {reinterpret_cast<const std::byte*>(word_vectors_.data()), rows(), dims(),
          Dtype::float32, nullptr};
}

}  // namespace embedtool
