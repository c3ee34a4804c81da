#include "lookup_batch.h"

#include <optional>

#include "embedtool/errors.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/model.h"
#include "embedtool/formats/row_text.h"
#include "embedtool/sequences/id_sequence_parser.h"
#include "lookup_output.h"
#include "lookup_stdin.h"

namespace embedtool::cli {

namespace {

constexpr std::string_view kSource = "<stdin>";

// The answer to one sequence, Y[i], in the chosen text format (npy rows go to the spool).
void write_sequence(LookupOutput& output, std::uint64_t index, const Sequence& ids,
                    const Matrix& rows, std::string& text) {
  const LookupOptions& options = output.options();
  text.clear();
  switch (options.format) {
    case OutputFormat::npy:
      for (Eigen::Index j = 0; j < rows.rows(); ++j) output.append_npy_row(rows.row(j));
      return;
    case OutputFormat::text:
      for (Eigen::Index j = 0; j < rows.rows(); ++j) append_numbers(text, rows.row(j), ' ', options.precision);
      if (!text.empty()) text.erase(0, 1);  // the separator before the first number
      text.push_back('\n');
      break;
    case OutputFormat::tsv:
      for (Eigen::Index j = 0; j < rows.rows(); ++j) {
        text.append(std::to_string(index)).push_back('\t');
        text.append(std::to_string(j)).push_back('\t');
        text.append(std::to_string(ids[static_cast<std::size_t>(j)]));
        append_numbers(text, rows.row(j), '\t', options.precision);
        text.push_back('\n');
      }
      break;
    case OutputFormat::json:
      text.append("{\"ids\":[");
      for (std::size_t j = 0; j < ids.size(); ++j) {
        if (j > 0) text.push_back(',');
        text.append(std::to_string(ids[j]));
      }
      text.append("],\"vectors\":[");
      for (Eigen::Index j = 0; j < rows.rows(); ++j) {
        if (j > 0) text.push_back(',');
        append_json_array(text, rows.row(j), options.precision);
      }
      text.append("]}\n");
      break;
  }
  output.write_text(text);
}

std::string line_name(std::uint64_t line) { return "line " + std::to_string(line) + " of <stdin>"; }

}  // namespace

void run_batch_lookup(const LookupOptions& options) {
  if (!options.queries.empty()) {
    throw UsageError("--batch reads its id sequences from standard input, not from arguments "
                     "(embedtool pad ... | embedtool lookup --batch)");
  }
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const auto dims = static_cast<Eigen::Index>(table->dims());
  const std::uint64_t input_dim = table->rows();
  LookupOutput output(options);
  if (options.header && options.format == OutputFormat::tsv) {
    std::string header = "sequence\tposition\tid";
    for (Eigen::Index i = 1; i <= dims; ++i) header += "\tv" + std::to_string(i);
    output.write_text(header + "\n");
  }

  StdinLines input;
  std::string line;
  std::string text;
  std::optional<std::size_t> length;  // input_length, set by the first line
  std::uint64_t sequences = 0;
  Matrix rows;
  while (input.next(line)) {
    const std::uint64_t number = input.line_number();
    const Sequence ids = parse_id_sequence(line, TextLocation{kSource, number, 0});
    if (!length) {
      length = ids.size();
      rows.resize(static_cast<Eigen::Index>(*length), dims);
    } else if (ids.size() != *length) {
      throw Error(line_name(number) + " has " + std::to_string(ids.size()) +
                  " ids, but line 1 has " + std::to_string(*length) +
                  ": --batch needs sequences of one length (embedtool pad --input-length L)");
    }
    for (std::size_t j = 0; j < ids.size(); ++j) {
      const WordId id = ids[j];
      if (id < 0 || static_cast<std::uint64_t>(id) >= input_dim) {
        throw Error("id " + std::to_string(id) + " at position " + std::to_string(j + 1) + " of " +
                    line_name(number) + " is out of range: " + options.model_path +
                    " has ids 0 to " + std::to_string(input_dim - 1));
      }
      const auto row = static_cast<Eigen::Index>(j);
      if (id == kPaddingId && options.pad_vector == PadVector::zero) {
        rows.row(row).setZero();
      } else {
        rows.row(row) = prepared_row(table->row(id), options);
      }
    }
    write_sequence(output, sequences, ids, rows, text);
    ++sequences;
    output.end_of_line(input.line_ready());
  }
  const std::uint64_t shape[] = {sequences, length.value_or(0), static_cast<std::uint64_t>(dims)};
  output.finish(shape);
}

}  // namespace embedtool::cli
