// embedtool: train word embeddings and look them up, from the shell.
// This file only wires the subcommands together and turns failures into one line on stderr and
// an exit status: 0 success, 1 a failed run, 2 a usage error.
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "command_line_check.h"
#include "command_path.h"
#include "commands.h"
#include "embedtool/errors.h"
#include "exit_status.h"
#include "help_examples.h"
#include "help_format.h"
#include "input_checks.h"
#include "progress_aware_sink.h"
#include "progress_line.h"

namespace {

constexpr int kFailedRun = 1;
constexpr int kUsageError = 2;

void print_error(const std::string& message) {
  std::fflush(stdout);  // data already produced comes before the error in a shared terminal
  embedtool::cli::end_progress_line();
  std::fprintf(stderr, "embedtool: error: %s\n", message.c_str());
}

// Logs and errors go to stderr; stdout carries data only.
void set_up_logging() {
  auto terminal = std::make_shared<spdlog::sinks::stderr_color_sink_st>();
  auto logger = std::make_shared<spdlog::logger>(
      "embedtool", std::make_shared<embedtool::cli::ProgressAwareSink>(terminal));
  logger->set_pattern("embedtool: %^%l%$: %v");
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

// CLI11's messages are not always one line; keep the first.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// CLI11 reports an option's needs and excludes as "--a requires --b" and "--a excludes --b";
// both mean that the option would have been ignored. "--a: At Most 1 required but received 2"
// means it was given twice.
std::string usage_message(const CLI::ParseError& error) {
  std::string message = first_line(error.what());
  const auto reword = [&message](const std::string& from, const std::string& to) {
    const std::size_t at = message.find(from);
    if (at != std::string::npos) message.replace(at, from.size(), to);
  };
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr)
    reword(" requires ", " has no effect without ");
  const std::string at_most_once = ": At Most 1 required but received ";
  const std::size_t twice = message.find(at_most_once);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr && twice != std::string::npos)
    message = message.substr(0, twice) + " is given " + message.substr(twice + at_most_once.size()) +
              " times; give it once";
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    reword(" excludes ", " and ");
    message += " cannot be used together: one of them would be ignored";
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  // embedtool never mixes C stdio and iostreams on one stream; unsynced, std::cin reads in
  // blocks instead of byte by byte (about 15x faster on a large corpus piped in).
  std::ios::sync_with_stdio(false);
  set_up_logging();
  CLI::App app{"embedtool: train word embeddings and look them up.", "embedtool"};
  app.set_version_flag("--version", EMBEDTOOL_VERSION);
  app.require_subcommand(1);
  app.formatter(embedtool::cli::make_help_formatter());  // before the subcommands: they copy it
  embedtool::cli::add_vocab_command(app);
  embedtool::cli::add_pad_command(app);
  embedtool::cli::add_train_command(app);
  embedtool::cli::add_lookup_command(app);
  embedtool::cli::add_convert_command(app);
  embedtool::cli::add_verify_command(app);
  embedtool::cli::add_info_command(app);
  embedtool::cli::add_eval_command(app);
  embedtool::cli::add_predict_command(app);
  embedtool::cli::add_test_command(app);
  embedtool::cli::add_index_command(app);
  embedtool::cli::add_plot_command(app);
  // After every command: these go through the commands added so far.
  embedtool::cli::add_help_examples(app);
  embedtool::cli::add_input_checks(app);

  try {
    embedtool::cli::check_command_line(app, std::vector<std::string>(argv + 1, argv + argc));
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    const CLI::App* chosen = embedtool::cli::deepest_chosen_command(app);
    const std::string help_command =
        chosen == nullptr ? "embedtool --help"
                          : "embedtool " + embedtool::cli::command_path(*chosen) + " --help";
    print_error(usage_message(error) + " (see '" + help_command + "')");
    return kUsageError;
  } catch (const embedtool::cli::ExitStatus& status) {
    return status.code;
  } catch (const embedtool::UsageError& error) {
    print_error(error.what());
    return kUsageError;
  } catch (const embedtool::Error& error) {
    print_error(error.what());
    return kFailedRun;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kFailedRun;
  } catch (const std::exception& error) {
    print_error(std::string("unexpected failure: ") + error.what());
    return kFailedRun;
  }
}
