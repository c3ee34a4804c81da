#include "embedtool/classify/line_settings.h"

#include "embedtool/errors.h"
#include "embedtool/pipeline/json_reader.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/sequences/labelled_line.h"
#include "embedtool/storage/char_ngram_vectors.h"

namespace embedtool {

LineSettings line_settings_of(const EmbeddingModel& model, const std::string& source) {
  const nlohmann::json& metadata = model.metadata;
  const JsonReader reader(source + ": the settings in its metadata are invalid (", ")");
  LineSettings settings;
  if (metadata.is_object() && metadata.contains("tokenizer"))
    settings.tokenizer = model_tokenizer_from_json(metadata["tokenizer"], source);
  if (!model.labels.empty()) {
    settings.label_prefix =
        reader.get_or<std::string>(metadata, "label_prefix", std::string(kDefaultLabelPrefix));
    if (settings.label_prefix->empty()) reader.fail("\"label_prefix\" is empty");
  }

  LineInputShape& shape = settings.shape;
  shape.input_dim = static_cast<std::size_t>(model.vectors.rows());
  shape.word_ngrams = reader.get_or(metadata, "word_ngrams", 1);
  if (shape.word_ngrams < 1) reader.fail("\"word_ngrams\" is below 1");
  // A word model's character n-gram rows give words outside the vocabulary a vector; its
  // words' rows are whole already (model.h), and a line's rows are its words'. A classifier's
  // are a line's inputs, shared with its word n-grams (training/line_input_rows.h).
  const bool classifier = !model.labels.empty();
  if (model.buckets && (classifier || model.buckets->kind != kCharNgramsKind)) {
    const BucketRows& buckets = *model.buckets;
    if (buckets.kind != kWordNgramsKind && buckets.kind != kCharNgramsKind)
      throw Error(source + " has bucket rows of kind \"" + buckets.kind +
                  "\", which this embedtool cannot use (it knows \"" + kWordNgramsKind +
                  "\" and \"" + kCharNgramsKind + "\")");
    if (buckets.rows.rows() > 0 && buckets.rows.cols() != model.vectors.cols())
      throw Error(source + " has bucket rows of " + std::to_string(buckets.rows.cols()) +
                  " columns, but its vectors have " + std::to_string(model.vectors.cols()));
    shape.buckets = static_cast<std::uint64_t>(buckets.rows.rows());
    if (buckets.kind == kCharNgramsKind) {
      shape.char_ngrams = char_ngram_range_of(metadata, source);
      if (shape.buckets == 0)
        throw Error(source + " was trained with character n-grams but holds no bucket rows "
                             "for them");
    }
  }
  if (metadata.is_object() && metadata.contains("buckets") && shape.has_buckets()) {
    const auto stored = reader.get<std::uint64_t>(metadata, "buckets");
    if (stored != shape.buckets)
      throw Error(source + " was trained with " + std::to_string(stored) +
                  " n-gram buckets, but it holds " + std::to_string(shape.buckets) +
                  " bucket rows");
  }
  // Without its bucket rows, every n-gram of a line would be a missing row: predictions would
  // quietly differ from the trained model's.
  if (shape.word_ngrams > 1 && shape.buckets == 0)
    throw Error(source + " was trained with word n-grams (word_ngrams " +
                std::to_string(shape.word_ngrams) + ") but holds no bucket rows for them");
  return settings;
}

}  // namespace embedtool
