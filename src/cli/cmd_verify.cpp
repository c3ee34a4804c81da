// `embedtool verify FILE...`: check vector files completely and say what is wrong.
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/formats/vector_file_report.h"
#include "exit_status.h"
#include "embedtool/formats/output_file.h"
#include "vector_options.h"

namespace embedtool::cli {

namespace {

struct VerifyOptions {
  std::vector<std::string> files;
  LoadOptions load;
};

void run_verify(const VerifyOptions& options) {
  OutputFile output("-");
  bool all_sound = true;
  for (const std::string& file : options.files) {
    const VerifyReport report = verify_vector_file(file, options.load);
    if (report.problems.empty()) {
      output.write(file + ": ok (" + report.summary + ")\n");
      continue;
    }
    all_sound = false;
    output.flush();  // the files found sound so far come first in a shared terminal
    for (const std::string& problem : report.problems) spdlog::error("{}", problem);
  }
  output.flush();
  if (!all_sound) throw ExitStatus{1};
}

}  // namespace

void add_verify_command(CLI::App& parent) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* command = parent.add_subcommand(
      "verify",
      "Check vector files completely: for an .emb model the header, every checksum, every word, "
      "the hash index and the ANN index beside it (MODEL.emb.ann), reporting each problem found; other formats are read completely. "
      "Prints `FILE: ok (...)` for each sound file; exit status 1 if any is not.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("files", options->files, "Files to check")->required();
  add_vector_read_options(*command, options->load);
  add_quiet_option(*command);
  command->callback([options] { run_verify(*options); });
}

}  // namespace embedtool::cli
