#include "vector_options.h"

#include <utility>
#include <vector>

#include "common_options.h"
#include "plain_checks.h"
#include <string>

namespace embedtool::cli {
namespace {

const std::string kGroup = "Vector files";

std::vector<std::pair<std::string, VectorFormat>> format_choices() {
  std::vector<std::pair<std::string, VectorFormat>> choices;
  for (const VectorFormat format :
       {VectorFormat::emb, VectorFormat::word2vec_binary, VectorFormat::word2vec_text,
        VectorFormat::glove, VectorFormat::npy, VectorFormat::projector, VectorFormat::fasttext}) {
    choices.emplace_back(std::string(format_name(format)), format);
  }
  return choices;
}

// A format option whose value lands in an optional (unset: taken from the file name).
void add_format_option(CLI::App& command, const std::string& name, std::optional<VectorFormat>& target,
                       const std::string& help) {
  const auto choices = format_choices();
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  restrict_to(command.add_option_function<std::string>(
                  name,
                  [&target, choices](const std::string& value) {
                    for (const auto& [choice_name, format] : choices)
                      if (choice_name == value) target = format;
                  },
                  help),
              names)
      ->option_text("FORMAT")
      ->group(kGroup);
}

}  // namespace

void add_vector_read_options(CLI::App& command, LoadOptions& options) {
  add_format_option(command, "--from", options.format,
                    "Format of the input: " + format_names() +
                        " (default: from the name: .emb, .bin (fastText or word2vec), .vec/.txt, .npy, .tsv or a folder)");
  command.add_option("--limit", options.limit, "Read only the first N words of the input")
      ->check(at_least(std::uint64_t{0}))
      ->option_text("N")
      ->group(kGroup);
  command.add_option("--vocab", options.vocab_path,
                     "The words of an npy input, one per line (default: E.vocab.txt beside "
                     "E.npy), or the metadata file of a projector input")
      ->option_text("FILE")
      ->group(kGroup);
  restrict_to(command.add_option("--unicode-errors", options.unicode_errors,
                                 "Words of the input that are not valid UTF-8: strict (an error "
                                 "naming the line or byte), replace (by U+FFFD) or ignore (drop "
                                 "the bytes)"),
              unicode_error_choices())
      ->default_str("strict")
      ->group(kGroup);
}

void add_vector_write_options(CLI::App& command, SaveOptions& options) {
  add_format_option(command, "--to", options.format,
                    "Format of the output: " + format_names() +
                        " (default: from the name: .emb, .bin, .vec (word2vec text), .txt "
                        "(GloVe), .npy, .tsv or a folder)");
  add_dtype_option(command, options.dtype);
}

void add_dtype_option(CLI::App& command, Dtype& dtype) {
  const std::vector<std::pair<std::string, Dtype>> dtypes = {{"float32", Dtype::float32},
                                                              {"float16", Dtype::float16}};
  restrict_to(command.add_option("--dtype", dtype,
                                 "Value type of an emb or npy output; float16 halves the file"),
              dtypes)
      ->default_str("float32")
      ->group(kGroup);
}

}  // namespace embedtool::cli
