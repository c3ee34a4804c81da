#include "embedtool/pipeline/row_spread.h"

#include <cmath>

namespace embedtool {

RowSpread spread_of_rows(const Matrix& rows, Eigen::Index first_row) {
  const Eigen::Index columns = rows.cols();
  RowSpread spread{Eigen::VectorXd::Zero(columns), Eigen::VectorXd::Zero(columns)};
  // Two passes (mean, then squared distances from it) in double: one pass of sums of squares
  // loses the variance to cancellation when a column's mean is large against its spread.
  Eigen::Index counted = 0;
  for (Eigen::Index row = first_row; row < rows.rows(); ++row) {
    if (!rows.row(row).allFinite()) continue;
    spread.mean += rows.row(row).transpose().cast<double>();
    ++counted;
  }
  if (counted == 0) return spread;
  spread.mean /= static_cast<double>(counted);
  for (Eigen::Index row = first_row; row < rows.rows(); ++row) {
    if (!rows.row(row).allFinite()) continue;
    spread.deviation += (rows.row(row).transpose().cast<double>() - spread.mean).cwiseAbs2();
  }
  spread.deviation = (spread.deviation / static_cast<double>(counted)).cwiseSqrt();
  return spread;
}

Eigen::RowVectorXf draw_row_like(const RowSpread& spread, Random& random) {
  const double sqrt3 = std::sqrt(3.0);  // uniform on [-a, a) has standard deviation a / √3
  Eigen::RowVectorXf row(spread.mean.size());
  for (Eigen::Index j = 0; j < row.size(); ++j) {
    const double centred = 2.0 * static_cast<double>(random.next_unit_float()) - 1.0;  // [-1, 1)
    row[j] = static_cast<float>(spread.mean[j] + centred * sqrt3 * spread.deviation[j]);
  }
  return row;
}

}  // namespace embedtool
