#include "lookup_sentence.h"

#include <spdlog/spdlog.h>

#include "embedtool/classify/sentence_lines.h"
#include "embedtool/classify/sentence_vectors.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"

namespace embedtool::cli {

void run_sentence_lookup(const LookupOptions& options) {
  LookupOutput output(options.output, options.style);  // first: a bad -o fails before the load
  // The whole model: a line's rows are anywhere in E (and, for a classifier, its bucket rows).
  EmbeddingModel model = load_vectors(options.model_path, options.load);
  SentenceVectors sentences(model, options.model_path);
  SentenceRowsWriter writer(sentences, output, options.normalize);
  // With --sentence the arguments are files of sentences, not words.
  const std::vector<std::string> inputs =
      options.queries.empty() ? std::vector<std::string>{"-"} : options.queries;
  for (const std::string& path : inputs) {
    InputFile input(path);
    LineReader lines(input.stream(), input.display_name());
    writer.write_lines(lines);
  }
  writer.finish();
  if (writer.lines_without_input() > 0)
    spdlog::warn("{} of {} lines had no word the model knows: their vectors are zero",
                 writer.lines_without_input(), writer.lines());
}

}  // namespace embedtool::cli
