#include "vector_options.h"

#include <map>
#include <string>

namespace embedtool::cli {
namespace {

const std::string kGroup = "Vector files";

std::map<std::string, VectorFormat> format_choices() {
  std::map<std::string, VectorFormat> choices;
  for (const VectorFormat format :
       {VectorFormat::emb, VectorFormat::word2vec_binary, VectorFormat::word2vec_text,
        VectorFormat::glove, VectorFormat::npy, VectorFormat::projector, VectorFormat::fasttext}) {
    choices.emplace(std::string(format_name(format)), format);
  }
  return choices;
}

// A format option whose value lands in an optional (unset: taken from the file name).
void add_format_option(CLI::App& command, const std::string& name, std::optional<VectorFormat>& target,
                       const std::string& help) {
  const auto choices = format_choices();
  command
      .add_option_function<std::string>(
          name, [&target, choices](const std::string& value) { target = choices.at(value); }, help)
      ->check(CLI::IsMember(choices))
      ->option_text("FORMAT")
      ->group(kGroup);
}

}  // namespace

void add_vector_read_options(CLI::App& command, LoadOptions& options) {
  add_format_option(command, "--from", options.format,
                    "Format of the input: " + format_names() +
                        " (default: from the name: .emb, .bin (fastText or word2vec), .vec/.txt, .npy, .tsv or a folder)");
  command.add_option("--limit", options.limit, "Read only the first N words of the input")
      ->check(CLI::NonNegativeNumber)
      ->option_text("N")
      ->group(kGroup);
  command.add_option("--vocab", options.vocab_path,
                     "The words of an npy input, one per line (default: E.vocab.txt beside "
                     "E.npy), or the metadata file of a projector input")
      ->option_text("FILE")
      ->group(kGroup);
  const std::map<std::string, UnicodeErrors> modes = {{"strict", UnicodeErrors::strict},
                                                      {"replace", UnicodeErrors::replace},
                                                      {"ignore", UnicodeErrors::ignore}};
  command.add_option("--unicode-errors", options.unicode_errors,
                     "Words of the input that are not valid UTF-8: strict (an error naming the "
                     "line or byte), replace (by U+FFFD) or ignore (drop the bytes)")
      ->transform(CLI::CheckedTransformer(modes))
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
  const std::map<std::string, Dtype> dtypes = {{"float32", Dtype::float32},
                                               {"float16", Dtype::float16}};
  command.add_option("--dtype", dtype, "Value type of an emb or npy output; float16 halves the file")
      ->transform(CLI::CheckedTransformer(dtypes))
      ->default_str("float32")
      ->group(kGroup);
}

}  // namespace embedtool::cli
