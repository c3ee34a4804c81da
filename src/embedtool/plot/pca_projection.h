#pragma once
// Points of many dimensions (word vectors) seen from the two directions in which they spread
// most: principal component analysis. The rows are centred on their mean; the singular value
// decomposition of the centred matrix X = U S Vᵀ (Eigen's BDCSVD, which works for more rows than
// columns and for fewer) gives the components, the first two columns of V, and each point's
// coordinates on them, the rows of X·V (= U·S). Component k explains s_k² / Σ s_i² of the spread
// (the total squared distance of the points to their mean).
//
// A component's sign is arbitrary (v and −v explain the same spread); it is fixed so that the
// component's largest coordinate in absolute value is positive, so that the same points always
// give the same picture, not its mirror image.
#include <array>

#include <Eigen/Core>

namespace embedtool {

struct PcaProjection {
  Eigen::MatrixX2d points;        // one row per input row: its coordinates on components 1, 2
  Eigen::MatrixX2d components;    // dims x 2: the unit directions in the input space
  std::array<double, 2> explained{};  // the share of the spread each explains, 0 to 1
};

// `rows`: one point per row, at least one. With points that all coincide (or a single point),
// every coordinate is 0 and nothing is explained. With one-dimensional points, component 2 is 0.
PcaProjection project_pca(const Eigen::MatrixXd& rows);

}  // namespace embedtool
