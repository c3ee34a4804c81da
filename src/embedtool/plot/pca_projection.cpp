#include "embedtool/plot/pca_projection.h"

#include <Eigen/SVD>

namespace embedtool {

PcaProjection project_pca(const Eigen::MatrixXd& rows) {
  const Eigen::MatrixXd centred = rows.rowwise() - rows.colwise().mean();
  PcaProjection projection;
  projection.points = Eigen::MatrixX2d::Zero(rows.rows(), 2);
  projection.components = Eigen::MatrixX2d::Zero(rows.cols(), 2);
  const double spread = centred.squaredNorm();
  if (spread == 0) return projection;

  const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
  const Eigen::Index found = std::min<Eigen::Index>(2, svd.singularValues().size());
  for (Eigen::Index k = 0; k < found; ++k) {
    Eigen::VectorXd component = svd.matrixV().col(k);
    Eigen::Index largest = 0;
    component.cwiseAbs().maxCoeff(&largest);
    if (component(largest) < 0) component = -component;
    projection.components.col(k) = component;
    projection.points.col(k) = centred * component;
    const double value = svd.singularValues()(k);
    projection.explained[static_cast<std::size_t>(k)] = value * value / spread;
  }
  return projection;
}

}  // namespace embedtool
