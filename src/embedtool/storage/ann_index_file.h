#pragma once
// A model's ANN index, the file MODEL.emb.ann beside it (storage/ann_file.h), opened for
// searching: mapped for random access (only the records a search visits are read) and checked,
// before anything is followed, to be a sound index of this very model.
//
// Why beside the model rather than a section of it: the index is a derived, tunable structure
// (rebuilt with other parameters, dropped by deleting it) whose multi-threaded build does not
// give the same bytes twice, while the .emb file stays what train or convert wrote, byte for
// byte, and building an index never rewrites a multi-gigabyte model. The price is that the two
// files can part: a model rewritten after its index was built is told apart by the checksums
// its header records (AnnModelIdentity), and the index is then refused, never followed.
#include <optional>
#include <string>

#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/ann_graph_view.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/mapped_file.h"

namespace embedtool {

class AnnIndexFile {
 public:
  // Maps `path` and checks its header, and that it was built over the model `model` describes
  // (named `model_name` in messages). Throws Error otherwise.
  AnnIndexFile(const std::string& path, const AnnModelIdentity& model, const std::string& model_name);

  const AnnFileHeader& header() const { return header_; }
  // The links in place; valid while this lives.
  AnnGraphView graph() const { return {file_.bytes(), header_, file_.display_name()}; }
  const std::string& display_name() const { return file_.display_name(); }

 private:
  MappedFile file_;
  AnnFileHeader header_;
};

// True when anything is at `index_path` (a file, but also a folder or a broken link, which
// opening then names in an error rather than searching without the index).
bool ann_index_present(const std::string& index_path);

// The index beside the model at `model_path` (ann_index_path), or nullopt if there is no such
// file. Throws Error if there is one but it is damaged or belongs to another version of the model.
std::optional<AnnIndexFile> open_ann_index_beside(const std::string& model_path, const EmbHeader& model);

}  // namespace embedtool
