// embedtool: train word embeddings and look them up, from the shell.
// This file only wires the subcommands together and turns failures into one line on stderr and
// an exit status: 0 success, 1 a failed run, 2 a usage error.
#include <cstdio>
#include <exception>
#include <new>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "commands.h"
#include "embedtool/errors.h"
#include "exit_status.h"

namespace {

constexpr int kFailedRun = 1;
constexpr int kUsageError = 2;

void print_error(const std::string& message) {
  std::fflush(stdout);  // data already produced comes before the error in a shared terminal
  std::fprintf(stderr, "embedtool: error: %s\n", message.c_str());
}

// Logs and errors go to stderr; stdout carries data only.
void set_up_logging() {
  auto logger = spdlog::stderr_color_st("embedtool");
  logger->set_pattern("embedtool: %^%l%$: %v");
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
}

// CLI11's messages are not always one line; keep the first.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

int main(int argc, char** argv) {
  // embedtool never mixes C stdio and iostreams on one stream; unsynced, std::cin reads in
  // blocks instead of byte by byte (about 15x faster on a large corpus piped in).
  std::ios::sync_with_stdio(false);
  set_up_logging();
  CLI::App app{"embedtool: train word embeddings and look them up.", "embedtool"};
  app.set_version_flag("--version", EMBEDTOOL_VERSION);
  app.require_subcommand(1);
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

  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    const auto chosen = app.get_subcommands();
    const std::string help_command =
        chosen.empty() ? "embedtool --help" : "embedtool " + chosen.front()->get_name() + " --help";
    print_error(first_line(error.what()) + " (see '" + help_command + "')");
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
