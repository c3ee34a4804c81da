#include "embedtool/query/cosine.h"

namespace embedtool {

double cosine(const Eigen::Ref<const Eigen::RowVectorXf>& a,
              const Eigen::Ref<const Eigen::RowVectorXf>& b) {
  const Eigen::RowVectorXd x = a.cast<double>();
  const Eigen::RowVectorXd y = b.cast<double>();
  const double x_norm = x.norm();
  const double y_norm = y.norm();
  if (x_norm == 0 || y_norm == 0) return 0.0;
  return x.dot(y) / (x_norm * y_norm);
}

}  // namespace embedtool
