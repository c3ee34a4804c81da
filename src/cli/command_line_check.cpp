#include "command_line_check.h"

#include <cctype>
#include <cstdlib>
#include <map>

#include "command_path.h"
#include "embedtool/errors.h"
#include "nearest_name.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

// Options that other tools spell differently, by their key (see name_key).
struct ForeignName {
  const char* key;
  const char* ours;  // our option for it
  const char* whose;
};

constexpr ForeignName kForeignNames[] = {
    {"maxlen", "--input-length", "Keras' maxlen"},
    {"numwords", "--input-dim", "Keras' num_words"},
    {"vocabsize", "--input-dim", "a vocabulary size"},
    {"dim", "--output-dim", "fastText's -dim"},
    {"size", "--output-dim", "word2vec's -size"},
    {"vectorsize", "--output-dim", "gensim's vector_size"},
    {"epoch", "--epochs", "fastText's -epoch"},
    {"iter", "--epochs", "word2vec's -iter"},
    {"ws", "--window", "fastText's -ws"},
    {"negative", "--neg", "word2vec's -negative"},
    {"cbow", "--arch", "word2vec's -cbow: --arch cbow"},
    {"hs", "--loss", "word2vec's -hs: --loss hs"},
    {"label", "--label-prefix", "fastText's -label"},
    {"input", nullptr, "the input file is an argument of its own, with no option before it"},
};

// How names are compared: case, dashes and underscores aside, so that `--output_dim` (the
// settings file's spelling), `-minCount` (fastText's) and `--output-dim` meet.
std::string name_key(const std::string& name) {
  std::string key;
  for (const char c : name)
    if (c != '-' && c != '_') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

// A negative number is a value (`--value -1`, `-k -1`), as CLI11 treats it, and `-` alone is
// standard input; any other word that starts with `-` looks like an option.
bool looks_like_option(const std::string& word) {
  if (word.size() < 2 || word[0] != '-') return false;
  char* end = nullptr;
  std::strtod(word.c_str(), &end);
  return end != word.c_str() + word.size();
}

std::string help_hint(const std::string& command) {
  return " (see 'embedtool " + (command.empty() ? "" : command + " ") + "--help')";
}

bool takes_value(const CLI::Option& option) { return option.get_expected_min() > 0; }

std::string long_name(const CLI::Option& option) {
  return option.get_lnames().empty() ? option.get_name() : "--" + option.get_lnames().front();
}

// "did you mean --input-length (Keras' maxlen)?", or "" when nothing is near.
std::string option_hint(const CLI::App& command, const std::string& typed) {
  for (const ForeignName& foreign : kForeignNames)
    if (foreign.ours == nullptr && name_key(typed) == foreign.key)
      return "; " + std::string(foreign.whose);
  const auto guess = guess_option(command, typed);
  if (!guess) return "";
  return "; did you mean " + guess->name + (guess->whose.empty() ? "" : " (" + guess->whose + ")") +
         "?";
}

[[noreturn]] void unknown_option(const CLI::App& command, const std::string& typed) {
  std::string hint = option_hint(command, typed);
  if (hint.empty() && typed.rfind("--", 0) != 0)
    hint = "; a word that starts with - goes after --, as in `-- " + typed + "`";
  throw UsageError("unknown option " + typed + " for " + command_path(command) + hint +
                   help_hint(command_path(command)));
}

// The option named by `word` (`--name`, `--name=value`, `-x`, `-xVALUE`), or throws naming it.
// Sets `value_attached` when the word carries the value itself.
const CLI::Option& named_option(const CLI::App& command, const std::string& word,
                                bool& value_attached) {
  if (word.rfind("--", 0) == 0) {
    const std::size_t equals = word.find('=');
    value_attached = equals != std::string::npos;
    const CLI::Option* option = command.get_option_no_throw(word.substr(0, equals));
    if (option == nullptr) unknown_option(command, word.substr(0, equals));
    return *option;
  }
  const CLI::Option* option = command.get_option_no_throw(word.substr(0, 2));
  // fastText's and word2vec's single-dash words (`-epoch`, `-output`): CLI11 would read
  // `-output` as -o with the value "utput".
  if (word.size() > 2 && (option == nullptr || takes_value(*option)) &&
      command.get_option_no_throw("--" + word.substr(1)) != nullptr) {
    throw UsageError("unknown option " + word + " for " + command_path(command) +
                     "; did you mean -" + word + "?" + help_hint(command_path(command)));
  }
  if (option == nullptr) unknown_option(command, word);
  // CLI11 reads `-m=model.emb` as -m with the value "=model.emb".
  if (word.size() > 2 && word[2] == '=' && takes_value(*option)) {
    throw UsageError(word + ": a short option takes its value without =; write " +
                     word.substr(0, 2) + " " + word.substr(3) + " or " + long_name(*option) +
                     word.substr(2) + help_hint(command_path(command)));
  }
  value_attached = word.size() > 2;  // -oFILE, or flags run together (-qx): CLI11's business
  return *option;
}

const CLI::App* chosen_command(const CLI::App& app, const std::string& name) {
  const auto found = app.get_subcommands([&name](const CLI::App* command) {
    return command->check_name(name);
  });
  return found.empty() ? nullptr : found.front();
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(command->get_name());
  return names;
}

std::string commands_list(const CLI::App& app) {
  std::string list = "the commands are";
  const std::vector<std::string> names = command_names(app);
  for (const std::string& name : names) list += (name == names.front() ? " " : ", ") + name;
  return list;
}

// `app` is the program, or a command of commands (plot) whose command `typed` was meant to be.
[[noreturn]] void unknown_command(const CLI::App& app, const std::string& typed) {
  const auto nearest = nearest_name(typed, command_names(app));
  const std::string path = command_path(app);
  throw UsageError("unknown command \"" + typed + "\"" + (path.empty() ? "" : " for " + path) +
                   "; " + (nearest ? "did you mean " + *nearest + "?" : commands_list(app)) +
                   help_hint(path));
}

bool has_commands(const CLI::App& command) {
  return !command.get_subcommands([](const CLI::App*) { return true; }).empty();
}

// An option before the command: a command's option put first (`embedtool --quiet vocab`), or a
// misspelt --help or --version.
[[noreturn]] void unknown_program_option(const CLI::App& app, const std::vector<std::string>& args,
                                         std::size_t at) {
  const std::string name = args[at].substr(0, args[at].find('='));
  for (std::size_t later = at + 1; later < args.size(); ++later) {
    const CLI::App* command = chosen_command(app, args[later]);
    if (command != nullptr && command->get_option_no_throw(name) != nullptr)
      throw UsageError(name + " is an option of " + command->get_name() +
                       ": put it after the command (embedtool " + command->get_name() + " " +
                       name + " ...)");
  }
  const auto guess = guess_option(app, name);
  throw UsageError("unknown option " + name + (guess ? "; did you mean " + guess->name + "?" : "") +
                   help_hint(""));
}

}  // namespace

std::optional<OptionGuess> guess_option(const CLI::App& command, const std::string& typed) {
  const std::string key = name_key(typed);
  std::vector<std::string> keys;
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      keys.push_back(name_key(name));
      names.push_back("--" + name);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return OptionGuess{names[i], ""};
  for (const ForeignName& foreign : kForeignNames) {
    if (key == foreign.key && foreign.ours != nullptr &&
        command.get_option_no_throw(foreign.ours) != nullptr)
      return OptionGuess{foreign.ours, foreign.whose};
  }
  if (const auto nearest = nearest_name(key, keys)) {
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == *nearest) return OptionGuess{names[i], ""};
  }
  return std::nullopt;
}

void check_command_line(const CLI::App& app, const std::vector<std::string>& args) {
  std::size_t at = 0;
  // Options of the program itself (--help, --version) come before the subcommand; others are
  // CLI11's to report.
  while (at < args.size() && looks_like_option(args[at])) {
    if (app.get_option_no_throw(args[at]) == nullptr) unknown_program_option(app, args, at);
    ++at;
  }
  if (at == args.size()) {
    if (at > 0) return;  // --help or --version alone
    throw UsageError("no command given; " + commands_list(app) + help_hint(""));
  }
  const CLI::App* command = chosen_command(app, args[at]);
  if (command == nullptr) unknown_command(app, args[at]);
  // A command of commands (`plot loss`): the word after it chooses one, unless it asks for help.
  for (++at; has_commands(*command); ++at) {
    if (at < args.size() && looks_like_option(args[at]) &&
        command->get_option_no_throw(args[at]) != nullptr)
      break;
    if (at == args.size() || looks_like_option(args[at]))
      throw UsageError(command_path(*command) + " needs one of its commands first: " +
                       words_with_or(command_names(*command)) + help_hint(command_path(*command)));
    const CLI::App* inner = chosen_command(*command, args[at]);
    if (inner == nullptr) unknown_command(*command, args[at]);
    command = inner;
  }
  // A flag and its negation (`--lowercase --no-lowercase`): CLI11 lets the last one win.
  std::map<const CLI::Option*, std::string> flag_words;
  for (; at < args.size(); ++at) {
    const std::string& word = args[at];
    if (word == "--") return;  // the rest are arguments, whatever they look like
    if (!looks_like_option(word)) continue;
    bool value_attached = false;
    const CLI::Option& option = named_option(*command, word, value_attached);
    if (!takes_value(option)) {
      const auto [seen, first] = flag_words.emplace(&option, word);
      if (!first && seen->second != word &&
          (seen->second.rfind("--no-", 0) == 0 || word.rfind("--no-", 0) == 0))
        throw UsageError(seen->second + " and " + word + " say opposite things: give one" +
                         help_hint(command_path(*command)));
    }
    if (!takes_value(option) || value_attached) continue;
    if (at + 1 < args.size() && looks_like_option(args[at + 1])) {
      throw UsageError(word + " needs a value, but " + args[at + 1] +
                       " follows it (write a value that starts with - as " + long_name(option) +
                       "=" + args[at + 1] + ")" + help_hint(command_path(*command)));
    }
    ++at;  // the value
  }
}

}  // namespace embedtool::cli
