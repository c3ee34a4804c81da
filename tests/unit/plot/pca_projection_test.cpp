// PCA against projections known on paper: points on a line, in a plane, a cloud stretched along
// a known direction. Components are compared up to the sign the projection fixes.
#include "embedtool/plot/pca_projection.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace embedtool;

namespace pca_projection_test {

// |cos| of the angle between two directions.
double alignment(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return std::abs(a.dot(b)) / (a.norm() * b.norm());
}

}  // namespace pca_projection_test

using namespace pca_projection_test;

TEST_CASE("points on a line: one component along it explains everything") {
  // x_i = c + t_i d in 4 dimensions.
  const Eigen::Vector4d centre(1, -2, 0.5, 3);
  const Eigen::Vector4d direction = Eigen::Vector4d(1, 2, -2, 4).normalized();
  const double ts[] = {-3, -1, 0, 0.5, 2, 4};
  Eigen::MatrixXd rows(6, 4);
  for (int i = 0; i < 6; ++i) rows.row(i) = (centre + ts[i] * direction).transpose();

  const PcaProjection pca = project_pca(rows);
  CHECK(alignment(pca.components.col(0), direction) == doctest::Approx(1.0));
  CHECK(pca.explained[0] == doctest::Approx(1.0));
  CHECK(pca.explained[1] == doctest::Approx(0.0).epsilon(1e-12));
  // Coordinates: t minus the mean of t, up to one sign for all.
  const double mean_t = (-3 - 1 + 0 + 0.5 + 2 + 4) / 6.0;
  const double sign = pca.points(0, 0) < 0 ? 1 : -1;
  for (int i = 0; i < 6; ++i) {
    CHECK(pca.points(i, 0) == doctest::Approx(sign * (ts[i] - mean_t)));
    CHECK(pca.points(i, 1) == doctest::Approx(0.0).epsilon(1e-9));
  }
}

TEST_CASE("points in a tilted plane: the components span it, distances are kept") {
  // A grid in the plane spanned by u and v (orthonormal) in 5 dimensions, stretched 3:1.
  Eigen::VectorXd u(5), v(5);
  u << 1, 1, 0, 0, 1;
  v << 1, -1, 1, 0, 0;
  u.normalize();
  v = (v - v.dot(u) * u).normalized();
  Eigen::MatrixXd rows(12, 5);
  int i = 0;
  for (int a = -2; a <= 1; ++a)
    for (int b = -1; b <= 1; ++b) rows.row(i++) = (3.0 * (a + 0.5) * u + b * v).transpose();

  const PcaProjection pca = project_pca(rows);
  CHECK(alignment(pca.components.col(0), u) == doctest::Approx(1.0));
  CHECK(alignment(pca.components.col(1), v) == doctest::Approx(1.0));
  CHECK(pca.explained[0] + pca.explained[1] == doctest::Approx(1.0));
  // Spread along u: 9 x (1.25 per point) ; along v: 2/3 per point.
  CHECK(pca.explained[0] == doctest::Approx(11.25 / (11.25 + 2.0 / 3)));
  // A plane projected on itself keeps every distance.
  for (int p = 0; p < 12; ++p)
    for (int q = 0; q < 12; ++q)
      CHECK((pca.points.row(p) - pca.points.row(q)).norm() ==
            doctest::Approx((rows.row(p) - rows.row(q)).norm()));
}

TEST_CASE("a noisy cloud stretched along a known direction") {
  std::mt19937 random(7);
  std::normal_distribution<double> normal;
  const int n = 400;
  const int dims = 30;
  Eigen::VectorXd long_axis = Eigen::VectorXd::Zero(dims);
  long_axis(3) = 1;
  long_axis(17) = -1;
  long_axis.normalize();
  Eigen::MatrixXd rows(n, dims);
  for (int i = 0; i < n; ++i) {
    for (int d = 0; d < dims; ++d) rows(i, d) = 0.1 * normal(random);
    rows.row(i) += 5 * normal(random) * long_axis.transpose();
  }
  const PcaProjection pca = project_pca(rows);
  CHECK(alignment(pca.components.col(0), long_axis) > 0.999);
  CHECK(pca.explained[0] > 0.9);
  CHECK(pca.components.col(0).norm() == doctest::Approx(1.0));
  CHECK(std::abs(pca.components.col(0).dot(pca.components.col(1))) < 1e-9);
}

TEST_CASE("more dimensions than points, and the sign is fixed") {
  Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(3, 50);
  rows(0, 0) = 1;
  rows(1, 1) = 2;
  rows(2, 2) = -1;
  const PcaProjection pca = project_pca(rows);
  CHECK(pca.points.rows() == 3);
  CHECK(pca.explained[0] + pca.explained[1] == doctest::Approx(1.0));  // 3 points lie in a plane
  // Each component's largest coordinate is positive: the picture is never its mirror image.
  for (int k = 0; k < 2; ++k) {
    Eigen::Index largest = 0;
    pca.components.col(k).cwiseAbs().maxCoeff(&largest);
    CHECK(pca.components(largest, k) > 0);
  }
  const PcaProjection negated = project_pca(-rows);
  CHECK(pca.explained[0] == doctest::Approx(negated.explained[0]));
}

TEST_CASE("points that coincide, and one-dimensional points") {
  const PcaProjection same = project_pca(Eigen::MatrixXd::Constant(4, 3, 2.5));
  CHECK(same.points.isZero());
  CHECK(same.explained[0] == 0);
  const PcaProjection single = project_pca(Eigen::MatrixXd::Ones(1, 3));
  CHECK(single.points.isZero());

  Eigen::MatrixXd line(3, 1);
  line << 1, 2, 4;
  const PcaProjection one_dim = project_pca(line);
  CHECK(one_dim.explained[0] == doctest::Approx(1.0));
  CHECK(one_dim.points.col(1).isZero());
  CHECK(std::abs(one_dim.points(2, 0)) == doctest::Approx(4 - 7.0 / 3));
}
