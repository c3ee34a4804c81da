#include "embedtool/pipeline/add_row_norms.h"

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/mapped_model.h"

namespace embedtool {

RowNormsResult add_row_norms(const std::string& path) {
  RowNormsResult result;
  Dtype dtype = Dtype::float32;
  {
    // The header only, to learn whether there is anything to do; closed before the file is replaced.
    const MappedModel mapped(path);
    result.old_version = mapped.format_version();
    result.rows = mapped.rows();
    dtype = mapped.dtype();
    if (mapped.has_norms()) {
      mapped.stored_rows();  // checks the norms' checksum: damaged norms are not "already there"
      return result;
    }
  }
  // The writer computes the norms from the rows as it stores them (float16 rows stay float16).
  save_model(load_model(path), path, {dtype});
  result.added = true;
  return result;
}

}  // namespace embedtool
