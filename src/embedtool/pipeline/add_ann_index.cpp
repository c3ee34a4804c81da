#include "embedtool/pipeline/add_ann_index.h"

#include <chrono>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/pipeline/add_row_norms.h"
#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/emb_verify.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/mapped_model.h"

namespace embedtool {

AnnIndexResult add_ann_index(const std::string& model_path, const AnnBuildSettings& settings) {
  AnnIndexResult result;
  result.index_path = ann_index_path(model_path);
  // Before the model is read: a path that cannot be written fails now, not after the build.
  AtomicFileWriter::check_writable(result.index_path);
  result.norms_added = add_row_norms(model_path).added;  // verifies the model if it rewrites it
  if (!result.norms_added) {
    const MappedFile file(model_path, MappedFile::Access::sequential);
    const std::vector<std::string> problems = find_emb_problems(file.bytes(), file.display_name());
    if (!problems.empty()) throw Error(problems.front());
  }
  const MappedModel model(model_path);
  result.rows = model.rows();
  std::vector<std::byte> bytes;
  {
    const auto start = std::chrono::steady_clock::now();
    const AnnGraph graph = build_ann_graph(model.scattered_rows(), ann_identity_of(model.header()), settings);
    result.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.nodes = graph.nodes;
    result.parameters = graph.parameters;
    bytes = encode_ann_file(graph);  // the graph is freed before the file is written
  }
  result.index_bytes = bytes.size();
  write_file_atomically(result.index_path, bytes);
  return result;
}

}  // namespace embedtool
