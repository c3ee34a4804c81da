#include "train_resume_flags.h"

#include <cstdio>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/training/resolve_settings.h"

namespace embedtool::cli {
namespace {

// Enough digits to tell any two different values apart.
std::string text(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}
std::string text(float value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(value));
  return buffer;
}
std::string text(bool value) { return value ? "on" : "off"; }
std::string text(std::string_view value) { return std::string(value); }
std::string text(const std::string& value) { return value; }
template <typename Integer>
std::string text(Integer value) {
  return std::to_string(value);
}
template <typename T>
std::string text(const std::optional<T>& value) {
  return value ? text(*value) : "unset";
}

struct Comparison {
  const char* flag;  // one of the option's names, as CLI11 finds it
  std::string given;
  std::string saved;
};

}  // namespace

void check_flags_match_checkpoint(const CLI::App& command, const TrainJob& given,
                                  std::optional<int> threads, const TrainJob& saved,
                                  std::size_t words) {
  // The flags resolved as a new run would resolve them (the head auto picks for the
  // checkpoint's vocabulary, the default rate), to compare with what the checkpoint resolved.
  RunFacts facts;
  facts.classes = words;
  const TrainSettings g = resolve_settings(given.settings, facts).settings;
  const TrainSettings& s = saved.settings;
  const std::vector<Comparison> comparisons = {
      {"--vocab", text(given.vocabulary_path), text(saved.vocabulary_path)},
      {"--min-count", text(given.vocabulary.min_count), text(saved.vocabulary.min_count)},
      {"--input-dim", text(given.vocabulary.input_dim), text(saved.vocabulary.input_dim)},
      {"--output-dim", text(g.output_dim), text(s.output_dim)},
      {"--arch", text(name_of(g.architecture)), text(name_of(s.architecture))},
      {"--loss", text(g.loss), text(s.loss)},
      {"--neg", text(g.negatives), text(s.negatives)},
      {"--ns-exponent", text(g.ns_exponent), text(s.ns_exponent)},
      {"--window", text(g.window), text(s.window)},
      {"--sample", text(g.sample), text(s.sample)},
      {"--epochs", text(g.epochs), text(s.epochs)},
      {"--lr", text(g.learning_rate), text(s.learning_rate)},
      {"--threads", text(threads.value_or(0)), text(s.threads)},
      {"--seed", text(g.seed), text(s.seed)},
      {"--lowercase", text(given.tokenizer.lowercase), text(saved.tokenizer.lowercase)},
      {"--filter", text(given.tokenizer.filter_punctuation),
       text(saved.tokenizer.filter_punctuation)},
      // As JSON strings: a tab or line end in the set must not break the one-line message.
      {"--filters", nlohmann::json(given.tokenizer.filters).dump(),
       nlohmann::json(saved.tokenizer.filters).dump()},
      {"--unicode-errors", tokenizer_to_json(given.tokenizer)["unicode_errors"].dump(),
       tokenizer_to_json(saved.tokenizer)["unicode_errors"].dump()},
  };
  for (const Comparison& comparison : comparisons) {
    const CLI::Option* option = command.get_option_no_throw(comparison.flag);
    if (option == nullptr || option->count() == 0 || comparison.given == comparison.saved)
      continue;
    throw UsageError(std::string(comparison.flag) + " " + comparison.given +
                     " conflicts with the checkpoint's " + comparison.saved +
                     " (a resumed run keeps its settings: leave the flag out)");
  }
}

}  // namespace embedtool::cli
