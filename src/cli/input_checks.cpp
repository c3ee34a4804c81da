#include "input_checks.h"

#include <filesystem>
#include <string>
#include <vector>

#include "command_path.h"
#include "embedtool/errors.h"
#include "embedtool/storage/emb_sniff.h"
#include "embedtool/vocabulary/vocabulary_io.h"

namespace embedtool::cli {

namespace {

// The arguments that name a model or vector file, and those that name text to tokenize.
struct Argument {
  const char* command;  // as typed after embedtool (command_path.h)
  const char* option;
};
constexpr Argument kModelArguments[] = {
    {"lookup", "--model"}, {"eval", "--model"}, {"predict", "--model"}, {"test", "--model"},
    {"info", "file"}, {"index", "models"}, {"plot map", "--model"}, {"plot confusion", "--model"}};
constexpr Argument kTextArguments[] = {
    {"vocab", "files"}, {"pad", "files"}, {"train", "corpus"}, {"plot confusion", "files"}};

const CLI::Option* argument_of(const CLI::App& command, const Argument& argument) {
  return command_path(command) == argument.command ? command.get_option_no_throw(argument.option)
                                                 : nullptr;
}

// An option's values as given, or its default when it was not.
std::vector<std::string> values_of(const CLI::Option& option) {
  if (option.count() > 0) return option.results();
  if (!option.get_default_str().empty()) return {option.get_default_str()};
  return {};
}

void check_model_file(const CLI::App& command, const CLI::Option& option) {
  for (const std::string& path : values_of(option)) {
    std::error_code error;
    if (option.count() == 0 && !std::filesystem::exists(path, error)) {
      throw UsageError("no model given, and there is no " + path + " here: name one with -m FILE"
                       " (see 'embedtool " + command_path(command) + " --help')");
    }
    if (looks_like_vocabulary_file(path)) {
      throw UsageError(path + " is a vocabulary file (word<TAB>count, from `embedtool vocab`), "
                       "not vectors; train a model with it: embedtool train CORPUS --vocab " +
                       path + " (see 'embedtool " + command_path(command) + " --help')");
    }
  }
}

void check_text_file(const CLI::App& command, const CLI::Option& option) {
  for (const std::string& path : values_of(option)) {
    // Said here in InputFile's words: train's corpus is opened by other readers first, whose
    // system message ("Is a directory") read differently.
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
      throw Error("cannot read " + path + ": it is a directory");
    if (!is_emb_model_file(path)) continue;
    std::string hint = "a corpus is text, one sentence per line";
    if (command.get_name() == "train") hint += "; to start from its vectors, give --init " + path;
    throw UsageError(path + " is an embedtool model (.emb), not text: " + hint);
  }
}

}  // namespace

void add_input_checks(CLI::App& app) {
  for (CLI::App* command : all_commands(app)) {
    command->parse_complete_callback([command] {
      for (const Argument& argument : kModelArguments)
        if (const CLI::Option* option = argument_of(*command, argument))
          check_model_file(*command, *option);
      for (const Argument& argument : kTextArguments)
        if (const CLI::Option* option = argument_of(*command, argument))
          check_text_file(*command, *option);
    });
  }
}

}  // namespace embedtool::cli
