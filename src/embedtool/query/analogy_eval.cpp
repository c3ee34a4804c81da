#include "embedtool/query/analogy_eval.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "embedtool/query/analogy_solver.h"
#include "embedtool/query/case_insensitive_index.h"

namespace embedtool {

namespace {

// The vectors of one section's question words that the model lacks, as AnalogySolver takes
// them: word i is row end_row + i. A word asked twice gets one row.
class OutsideWords {
 public:
  OutsideWords(WordId end_row, Eigen::Index dims) : end_row_(end_row), dims_(dims) {}

  WordId add(const std::string& word, const Eigen::RowVectorXf& vector) {
    const auto [where, added] = rows_.try_emplace(word, end_row_ + static_cast<WordId>(vectors_.size()));
    if (added) vectors_.push_back(vector);
    return where->second;
  }
  Matrix matrix() const {
    Matrix outside(static_cast<Eigen::Index>(vectors_.size()), dims_);
    for (std::size_t i = 0; i < vectors_.size(); ++i) outside.row(static_cast<Eigen::Index>(i)) = vectors_[i];
    return outside;
  }

 private:
  WordId end_row_;
  Eigen::Index dims_;
  std::unordered_map<std::string, WordId> rows_;
  std::vector<Eigen::RowVectorXf> vectors_;
};

}  // namespace

AnalogyResult evaluate_analogies(const EmbeddingModel& model,
                                 std::span<const AnalogySection> sections,
                                 std::size_t restrict_to, const SubwordVectorOf& subword_of) {
  AnalogyResult result;
  result.searched_words = std::min(restrict_to, model.vocabulary.word_count());
  const CaseInsensitiveIndex index(model.vocabulary,
                                   kFirstWordId + static_cast<WordId>(result.searched_words));
  const AnalogySolver solver(model.vectors, index);
  // Every word of the model, to tell a word it lacks (n-grams answer for it) from one it has
  // beyond the searched words (skipped, as gensim does).
  std::optional<CaseInsensitiveIndex> all_words;
  if (subword_of) all_words.emplace(model.vocabulary, static_cast<WordId>(model.vocabulary.input_dim()));

  for (const AnalogySection& section : sections) {
    AnalogySectionResult scored{section.name, {}, std::string(section.questions.size(), kSkippedOutcome)};
    scored.tally.questions = section.questions.size();
    // A whole section goes to the solver at once, so that it can share work between questions.
    std::vector<AnalogyTriple> asked;
    std::vector<WordId> expected;
    std::vector<std::size_t> asked_positions;  // of the asked questions, in the section
    OutsideWords outside(index.end_row(), model.vectors.cols());
    for (std::size_t position = 0; position < section.questions.size(); ++position) {
      const AnalogyQuestion& question = section.questions[position];
      std::array<std::optional<WordId>, 4> rows;
      std::transform(question.words.begin(), question.words.end(), rows.begin(),
                     [&index](const std::string& word) { return index.find(word); });
      bool through_subwords = false;
      for (std::size_t i = 0; i < 3 && all_words; ++i) {
        if (rows[i] || all_words->find(question.words[i])) continue;
        if (std::optional<Eigen::RowVectorXf> vector = subword_of(question.words[i])) {
          rows[i] = outside.add(question.words[i], *vector);
          through_subwords = true;
        }
      }
      if (std::any_of(rows.begin(), rows.end(), [](const auto& row) { return !row; })) {
        ++scored.tally.skipped;
        continue;
      }
      if (through_subwords) ++scored.tally.through_subwords;
      asked.push_back({*rows[0], *rows[1], *rows[2]});
      expected.push_back(*rows[3]);
      asked_positions.push_back(position);
    }
    const std::vector<std::optional<WordId>> answers = solver.solve(asked, outside.matrix());
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const bool correct = answers[i] && index.representative(*answers[i]) == expected[i];
      if (correct) ++scored.tally.correct;
      scored.outcomes[asked_positions[i]] = correct ? kCorrectOutcome : kWrongOutcome;
    }
    result.overall.questions += scored.tally.questions;
    result.overall.skipped += scored.tally.skipped;
    result.overall.correct += scored.tally.correct;
    result.overall.through_subwords += scored.tally.through_subwords;
    result.sections.push_back(std::move(scored));
  }
  return result;
}

}  // namespace embedtool
