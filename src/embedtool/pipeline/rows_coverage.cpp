#include "embedtool/pipeline/rows_coverage.h"

#include <cmath>
#include <cstdio>

namespace embedtool {

std::string with_thousands_commas(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), 1, ',');
  }
  return digits;
}

std::string rows_coverage_line(const RowsFromResult& result, const RowsFromOptions& options,
                               const std::string& vectors_name, std::size_t examples) {
  const std::size_t words = result.model.vocabulary.word_count();
  if (words == 0) return "the vocabulary holds no words: E is the <pad> and <unk> rows alone";
  if (result.missing.empty()) {
    return "found all " + with_thousands_commas(words) + " words in " + vectors_name;
  }
  // Rounded down, so that no missing word ever reads as "100.0%".
  const double permille = std::floor(1000.0 * static_cast<double>(result.found()) /
                                     static_cast<double>(words));
  char percent[16];
  std::snprintf(percent, sizeof percent, "%.1f%%", permille / 10.0);
  std::string line = "found " + with_thousands_commas(result.found()) + " of " +
                     with_thousands_commas(words) + " words (" + percent + ") in " + vectors_name +
                     "; " + with_thousands_commas(result.missing.size()) + " missing (" +
                     (options.missing == MissingRows::zero ? "zero" : "random") + " rows), e.g. ";
  for (std::size_t k = 0; k < result.missing.size() && k < examples; ++k) {
    // Quoted: the words missing most often are tokenizer leftovers such as ' or characters',
    // which bare would run into the commas between them.
    if (k > 0) line += ", ";
    line += '"';
    line += result.model.vocabulary.word(result.missing[k]);
    line += '"';
  }
  if (result.missing.size() > examples) line += ", ...";
  return line;
}

}  // namespace embedtool
