#include "embedtool/pipeline/rows_from_files.h"

#include "embedtool/errors.h"
#include "embedtool/pipeline/pad_vocabulary_file.h"
#include "embedtool/pipeline/settings_json.h"

namespace embedtool {

RowsFromResult rows_from_files(const RowsFromJob& job) {
  if (job.vectors_path == "-" && job.vocabulary_path == "-") {
    throw UsageError("the vectors and --rows-from cannot both be read from standard input");
  }
  PadVocabulary vocabulary = read_pad_vocabulary(job.vocabulary_path);
  const EmbeddingModel pretrained = load_vectors(job.vectors_path, job.load);
  // An empty file reads as a model of no words and no columns: E would have output_dim 0.
  if (pretrained.vocabulary.word_count() == 0 || pretrained.vectors.cols() == 0) {
    throw Error(job.vectors_path + " holds no word vectors to take rows from");
  }
  RowsFromResult result = rows_from_vocabulary(pretrained, std::move(vocabulary.vocabulary), job.rows);

  nlohmann::json origin = {{"vectors", job.vectors_path},
                           {"vocabulary", job.vocabulary_path},
                           {"found", result.found()},
                           {"missing", result.missing.size()},
                           {"missing_rows", job.rows.missing == MissingRows::zero ? "zero" : "random"}};
  if (job.rows.missing == MissingRows::random) origin["seed"] = job.rows.seed;
  result.model.metadata["rows_from"] = std::move(origin);
  if (vocabulary.tokenizer) result.model.metadata["tokenizer"] = tokenizer_to_json(*vocabulary.tokenizer);
  return result;
}

}  // namespace embedtool
