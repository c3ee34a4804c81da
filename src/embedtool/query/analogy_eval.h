#pragma once
// Analogy evaluation (word2vec's questions-words.txt task, scored as gensim's
// evaluate_word_analogies does): each question "a b c d" is answered by 3CosAdd (analogy_solver.h)
// among the most frequent words, and counts as correct when the answer folds like d.
// Questions with a word outside those words are skipped: counted, but not in the accuracy. A
// model with character n-gram rows gives a, b and c that it lacks altogether their n-gram vector
// instead (as fastText's analogies do); d is always one of the searched words.
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/query/analogy_questions_file.h"
#include "embedtool/query/subword_vector_of.h"

namespace embedtool {

inline constexpr std::size_t kDefaultAnalogyRestrict = 30000;

struct AnalogyTally {
  std::size_t questions = 0;  // in the file (or section)
  std::size_t skipped = 0;    // a word outside the searched words
  std::size_t correct = 0;
  // Answered questions with a word the model knows only through its character n-grams.
  std::size_t through_subwords = 0;

  std::size_t answered() const { return questions - skipped; }
  // correct / answered; NaN when no question was answered.
  double accuracy() const {
    return answered() == 0 ? std::numeric_limits<double>::quiet_NaN()
                           : static_cast<double>(correct) / static_cast<double>(answered());
  }
  double skipped_share() const {
    return questions == 0 ? 0.0 : static_cast<double>(skipped) / static_cast<double>(questions);
  }
};

// One letter per question of a section, in file order: 'c' correct, 'w' wrong, 's' skipped. It
// lets a script score several models on the questions they all answered (their vocabularies
// differ at the edge of the searched words), as bench/peer_table.py does.
inline constexpr char kCorrectOutcome = 'c';
inline constexpr char kWrongOutcome = 'w';
inline constexpr char kSkippedOutcome = 's';

struct AnalogySectionResult {
  std::string name;
  AnalogyTally tally;
  std::string outcomes;  // tally.questions letters
};

struct AnalogyResult {
  std::size_t searched_words = 0;              // min(restrict_to, the model's word count)
  std::vector<AnalogySectionResult> sections;  // in file order
  AnalogyTally overall;
};

// Searches the `restrict_to` most frequent words: rows kFirstWordId .. kFirstWordId +
// restrict_to - 1, the vocabulary being ordered by count. Words are found case-insensitively
// (case_insensitive_index.h) among those rows only, as gensim's restrict_vocab does; with
// `subword_of`, a, b or c that is not among any of the model's words gets its vector.
AnalogyResult evaluate_analogies(const EmbeddingModel& model,
                                 std::span<const AnalogySection> sections,
                                 std::size_t restrict_to = kDefaultAnalogyRestrict,
                                 const SubwordVectorOf& subword_of = {});

}  // namespace embedtool
