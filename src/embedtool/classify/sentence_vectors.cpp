#include "embedtool/classify/sentence_vectors.h"

#include <cassert>

#include "embedtool/sequences/labelled_line.h"

namespace embedtool {
namespace {

// E with the bucket rows below it, the table training drew a line's rows from. A row-major
// matrix that only gains rows is reallocated in place (realloc: the pages are remapped for a
// large E), so a model's memory is not doubled for this.
Matrix stacked_input_table(EmbeddingModel& model) {
  Matrix table = std::move(model.vectors);
  model.vectors = Matrix();
  if (model.buckets && model.buckets->rows.rows() > 0) {
    const Eigen::Index words = table.rows();
    const Eigen::Index buckets = model.buckets->rows.rows();
    table.conservativeResize(words + buckets, table.cols());
    table.bottomRows(buckets) = model.buckets->rows;
  }
  model.buckets.reset();
  return table;
}

}  // namespace

SentenceVectors::SentenceVectors(EmbeddingModel& model, const std::string& source)
    : settings_(line_settings_of(model, source)),
      tokenizer_(settings_.tokenizer),
      encoder_(tokenizer_, model.vocabulary),
      table_(stacked_input_table(model)) {
  assert(static_cast<std::uint64_t>(table_.rows()) >= settings_.shape.table_rows());
}

bool SentenceVectors::encode(std::string_view line, const TextLocation& where,
                             std::vector<std::string_view>& labels, std::span<float> h) {
  std::string_view text = line;
  labels.clear();
  if (settings_.label_prefix) {
    split_labels(line, *settings_.label_prefix, labels, text_);
    text = text_;
  }
  ids_.clear();
  encoder_.append_ids(text, where, ids_);
  rows_.clear();
  append_line_input_rows(ids_, settings_.shape, rows_);
  if (rows_.empty()) return false;
  mean_of_rows(table_, rows_, h);
  return true;
}

}  // namespace embedtool
