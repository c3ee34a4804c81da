#include "embedtool/pipeline/init_vectors.h"

#include "embedtool/errors.h"

namespace embedtool {

std::size_t copy_rows_by_word(const EmbeddingModel& pretrained, const std::string& source_name,
                              const Vocabulary& vocabulary, Matrix& input) {
  if (pretrained.vectors.cols() != input.cols())
    throw Error(source_name + " has " + std::to_string(pretrained.vectors.cols()) +
                "-dimensional vectors but E has " + std::to_string(input.cols()) +
                " columns (--output-dim)");
  std::size_t copied = 0;
  for (std::size_t id = kFirstWordId; id < vocabulary.input_dim(); ++id) {
    const auto word_id = static_cast<WordId>(id);
    const std::optional<WordId> row = pretrained.vocabulary.id_of(vocabulary.word(word_id));
    if (!row) continue;
    const auto source = pretrained.vectors.row(static_cast<Eigen::Index>(*row));
    if (!source.allFinite())
      throw Error(source_name + ": the vector of \"" + std::string(vocabulary.word(word_id)) +
                  "\" is not finite");
    input.row(static_cast<Eigen::Index>(id)) = source;
    ++copied;
  }
  return copied;
}

}  // namespace embedtool
