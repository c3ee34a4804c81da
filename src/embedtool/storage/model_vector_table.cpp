#include "embedtool/storage/model_vector_table.h"

#include <string>

#include "embedtool/errors.h"

namespace embedtool {

Eigen::RowVectorXf ModelVectorTable::row(WordId id) const {
  if (id < 0 || static_cast<std::uint64_t>(id) >= rows()) {
    throw Error("row " + std::to_string(id) + " is out of range (the model has rows 0 to " +
                std::to_string(rows() - 1) + ")");
  }
  return model_.vectors.row(static_cast<Eigen::Index>(id));
}

}  // namespace embedtool
