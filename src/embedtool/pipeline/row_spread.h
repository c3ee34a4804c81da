#pragma once
// How the rows of a matrix are spread, component by component, and rows drawn at random with
// that spread: the stand-ins `convert --rows-from --missing random` gives words that pretrained
// vectors lack.
#include <Eigen/Core>

#include "embedtool/model.h"
#include "embedtool/training/random.h"

namespace embedtool {

struct RowSpread {
  Eigen::VectorXd mean;       // per column
  Eigen::VectorXd deviation;  // per column: the population standard deviation
};

// The mean and standard deviation of each column over rows first_row.. of `rows`, counting only
// rows whose values are all finite (one NaN row must not make every drawn row NaN). Zero for a
// column when no row counts.
RowSpread spread_of_rows(const Matrix& rows, Eigen::Index first_row);

// One row whose component j is uniform with mean spread.mean[j] and standard deviation
// spread.deviation[j], i.e. in mean ± √3·deviation. Uniform rather than normal: it needs only
// arithmetic and a correctly rounded sqrt, so a seed gives the same bytes with every compiler
// and standard library, as the trainer's draws do (training/random.h).
Eigen::RowVectorXf draw_row_like(const RowSpread& spread, Random& random);

}  // namespace embedtool
