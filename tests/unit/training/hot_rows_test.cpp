// A thread's private copies of hot head rows: what it reads and writes, and that publishing
// from several threads' copies loses no thread's updates.
#include <doctest/doctest.h>

#include "embedtool/training/hot_rows.h"

namespace embedtool {
namespace {

Matrix counting_matrix(Eigen::Index rows, Eigen::Index cols) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(i);
  return m;
}

TEST_CASE("hot rows: without a range every row is the shared one") {
  Matrix shared = counting_matrix(6, 3);
  HotRows rows(shared, {});
  for (std::uint32_t id = 0; id < 6; ++id) CHECK(rows.row(id) == shared.row(id).data());
  rows.publish();  // nothing to do
  CHECK(shared.isApprox(counting_matrix(6, 3)));
}

TEST_CASE("hot rows: rows in the range are copies until published") {
  Matrix shared = counting_matrix(6, 3);
  HotRows rows(shared, {2, 3});  // rows 2, 3 and 4
  CHECK(rows.row(1) == shared.row(1).data());
  CHECK(rows.row(5) == shared.row(5).data());
  for (std::uint32_t id = 2; id <= 4; ++id) {
    CHECK(rows.row(id) != shared.row(id).data());
    CHECK(rows.row(id)[0] == shared(id, 0));  // copied at construction
  }
  rows.row(3)[1] += 10.0f;
  CHECK(shared(3, 1) == 10.0f);  // unchanged: 3 * 3 + 1
  rows.publish();
  CHECK(shared(3, 1) == 20.0f);
  CHECK(rows.row(3)[1] == 20.0f);
}

TEST_CASE("hot rows: two threads' copies both reach the shared rows") {
  Matrix shared = Matrix::Zero(4, 2);
  HotRows first(shared, {0, 4});
  HotRows second(shared, {0, 4});
  first.row(1)[0] += 1.0f;
  second.row(1)[0] += 2.0f;
  second.row(3)[1] -= 5.0f;
  first.publish();
  CHECK(shared(1, 0) == 1.0f);
  second.publish();
  CHECK(shared(1, 0) == 3.0f);  // neither update lost
  CHECK(shared(3, 1) == -5.0f);
  CHECK(second.row(1)[0] == 3.0f);  // a publish also takes in the other threads' changes
  CHECK(first.row(1)[0] == 1.0f);   // ...which the first thread sees at its next publish
  first.publish();
  CHECK(first.row(1)[0] == 3.0f);
  CHECK(first.row(3)[1] == -5.0f);
}

TEST_CASE("hot rows: a publish happens by itself every kStepsPerPublish steps") {
  Matrix shared = Matrix::Zero(2, 2);
  HotRows rows(shared, {0, 1});
  rows.row(0)[0] = 7.0f;
  for (int step = 1; step < HotRows::kStepsPerPublish; ++step) rows.step_done();
  CHECK(shared(0, 0) == 0.0f);
  rows.step_done();
  CHECK(shared(0, 0) == 7.0f);
}

}  // namespace
}  // namespace embedtool
