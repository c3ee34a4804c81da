#include "common_options.h"
#include "plain_checks.h"

#include <spdlog/spdlog.h>


namespace embedtool::cli {

std::vector<std::pair<std::string, UnicodeErrors>> unicode_error_choices() {
  return {{"strict", UnicodeErrors::strict},
          {"replace", UnicodeErrors::replace},
          {"ignore", UnicodeErrors::ignore}};
}

void add_tokenizer_options(CLI::App& command, TokenizerOptions& options) {
  const std::string group = "Tokenizer";
  command.add_flag("--lowercase,!--no-lowercase", options.lowercase,
                   "Lowercase words, Unicode-aware (default: on)")
      ->group(group);
  command.add_flag("--filter,!--no-filter", options.filter_punctuation,
                   "Treat the --filters characters as separators (default: on)")
      ->group(group);
  // --filter's callback has run by the time --filters is checked (CLI11 runs them in the order
  // they are declared), so --no-filter, which would make --filters do nothing, is known here.
  const TokenizerOptions* tokenizer = &options;
  command.add_option("--filters", options.filters,
                     "Characters that separate words like spaces (default: Keras' ASCII "
                     "punctuation set; the apostrophe is not in it)")
      ->check(CLI::Validator(
          [tokenizer](std::string&) -> std::string {
            return tokenizer->filter_punctuation ? "" : "has no effect with --no-filter";
          },
          "", "filtering"))
      ->group(group);
  restrict_to(command.add_option("--unicode-errors", options.unicode_errors,
                                 "Invalid UTF-8: strict (an error naming the line and byte), "
                                 "replace (by U+FFFD) or ignore (drop the bytes)"),
              unicode_error_choices())
      ->default_str("strict")
      ->group(group);
}

void add_text_io_options(CLI::App& command, std::vector<std::string>& inputs, std::string& output) {
  command.add_option("files", inputs, "Input files; - or none for standard input");
  command.add_option("-o,--output", output, "Write here (atomically) instead of standard output")
      ->option_text("FILE");
}

void add_quiet_option(CLI::App& command) {
  command.add_flag_callback("-q,--quiet", [] { spdlog::set_level(spdlog::level::err); },
                            "Print nothing on stderr but errors");
}

}  // namespace embedtool::cli
