#include "embedtool/query/unit_length.h"

namespace embedtool {

void normalize_rows(Matrix& rows) {
  for (Eigen::Index row = 0; row < rows.rows(); ++row) scale_to_unit_length(rows.row(row));
}

}  // namespace embedtool
