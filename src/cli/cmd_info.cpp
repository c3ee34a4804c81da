// `embedtool info FILE`: what a vector file holds, without reading its matrix.
#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/formats/vector_file_report.h"
#include "embedtool/formats/output_file.h"
#include "vector_options.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct InfoOptions {
  std::string file;
  bool json = false;
  LoadOptions load;
};

void run_info(const InfoOptions& options) {
  const nlohmann::json description = describe_vector_file(options.file, options.load);
  OutputFile output("-");
  output.write(options.json ? description.dump(2) + "\n" : describe_as_text(description));
  output.commit();
}

}  // namespace

void add_info_command(CLI::App& parent) {
  auto options = std::make_shared<InfoOptions>();
  CLI::App* command = parent.add_subcommand(
      "info",
      "Describe a vector file: format, dimensions (input_dim x output_dim), dtype, vocabulary "
      "size, file size, the training settings stored with it and, for an .emb model, its head "
      "(kind, rows x dims, or none), a classifier's labels (how many, the first few with their "
      "counts), bucket rows (kind, rows x dims) and the ANN index beside it (`index --ann`). An .emb "
      "model is only mapped; other formats are read completely.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("file", options->file, "Model or vector file")->required();
  const std::vector<std::pair<std::string, bool>> formats = {{"text", false}, {"json", true}};
  restrict_to(command->add_option("--format", options->json,
                                  "Output as aligned text or as a JSON object"),
              formats)
      ->default_str("text");
  add_vector_read_options(*command, options->load);
  add_quiet_option(*command);
  command->callback([options] { run_info(*options); });
}

}  // namespace embedtool::cli
