#include "embedtool/query/analogy_eval.h"

#include <algorithm>

#include "embedtool/query/analogy_solver.h"
#include "embedtool/query/case_insensitive_index.h"

namespace embedtool {

AnalogyResult evaluate_analogies(const EmbeddingModel& model,
                                 std::span<const AnalogySection> sections,
                                 std::size_t restrict_to) {
  AnalogyResult result;
  result.searched_words = std::min(restrict_to, model.vocabulary.word_count());
  const CaseInsensitiveIndex index(model.vocabulary,
                                   kFirstWordId + static_cast<WordId>(result.searched_words));
  const AnalogySolver solver(model.vectors, index);

  for (const AnalogySection& section : sections) {
    AnalogySectionResult scored{section.name, {}};
    scored.tally.questions = section.questions.size();
    // A whole section goes to the solver at once, so that it can share work between questions.
    std::vector<AnalogyTriple> asked;
    std::vector<WordId> expected;
    for (const AnalogyQuestion& question : section.questions) {
      std::array<std::optional<WordId>, 4> rows;
      std::transform(question.words.begin(), question.words.end(), rows.begin(),
                     [&index](const std::string& word) { return index.find(word); });
      if (std::any_of(rows.begin(), rows.end(), [](const auto& row) { return !row; })) {
        ++scored.tally.skipped;
        continue;
      }
      asked.push_back({*rows[0], *rows[1], *rows[2]});
      expected.push_back(*rows[3]);
    }
    const std::vector<std::optional<WordId>> answers = solver.solve(asked);
    for (std::size_t i = 0; i < answers.size(); ++i) {
      if (answers[i] && index.representative(*answers[i]) == expected[i]) ++scored.tally.correct;
    }
    result.overall.questions += scored.tally.questions;
    result.overall.skipped += scored.tally.skipped;
    result.overall.correct += scored.tally.correct;
    result.sections.push_back(std::move(scored));
  }
  return result;
}

}  // namespace embedtool
