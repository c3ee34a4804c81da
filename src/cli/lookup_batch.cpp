#include "lookup_batch.h"

#include <iostream>

#include "embedtool/errors.h"
#include "embedtool/formats/sequence_rows_output.h"
#include "embedtool/query/id_batch_gather.h"
#include "embedtool/sequences/id_sequence_parser.h"
#include "embedtool/text/line_reader.h"
#include "lookup_wiring.h"

namespace embedtool::cli {

void run_batch_lookup(const LookupOptions& options) {
  if (!options.queries.empty()) {
    throw UsageError("--batch reads its id sequences from standard input, not from arguments "
                     "(embedtool pad ... | embedtool lookup --batch)");
  }
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  IdBatchGather gather([&](WordId id) { return table->row(id); }, table->rows(), table->dims(),
                       options.model_path, kStdinName, options.pad_vector, options.normalize);
  LookupOutput output(options.output, options.style);
  SequenceRowsWriter sequences(output, table->dims());
  LineReader input(std::cin, kStdinName);
  std::string line;
  while (input.next(line)) {
    const std::uint64_t number = input.line_number();
    const Sequence ids = parse_id_sequence(line, TextLocation{kStdinName, number, 0});
    sequences.write(ids, gather.gather(ids, number));
    output.end_of_line(input.line_ready());
  }
  sequences.finish(gather.length());
}

}  // namespace embedtool::cli
