// Y = E[X] with the rules of an embedding layer's input: ids within E, one length per batch,
// padding as zeros unless asked for row 0.
#include "embedtool/query/id_batch_gather.h"

#include <doctest/doctest.h>

#include <vector>

#include "lookup_test_support.h"

using namespace embedtool;
using embedtool::lookup_test::TestTable;
using embedtool::lookup_test::error_of;

namespace {

IdBatchGather gather_of(const TestTable& table, PadVector pad = PadVector::zero,
                        bool normalize = false) {
  return IdBatchGather(table.row_of(), 5, 2, "test.emb", "<stdin>", pad, normalize);
}

}  // namespace

TEST_CASE("each id gives its row of E, in order") {
  const TestTable table;
  IdBatchGather gather = gather_of(table);
  const std::vector<WordId> ids = {3, 2, 1, 2};
  const Matrix& rows = gather.gather(ids, 1);
  Matrix expected(4, 2);
  expected << 0, 5, 3, 4, 0, -2, 3, 4;
  CHECK(rows == expected);
  CHECK(gather.sequences() == 1);
  CHECK(gather.length() == 4);
}

TEST_CASE("padding id 0 gives zeros, or row 0 with PadVector::row") {
  const TestTable table;
  const std::vector<WordId> ids = {0, 0, 2};
  IdBatchGather zeros = gather_of(table, PadVector::zero);
  CHECK(zeros.gather(ids, 1).row(0).isZero(0));
  CHECK(zeros.gather(ids, 2).row(2) == Eigen::RowVector2f(3, 4));
  IdBatchGather row_zero = gather_of(table, PadVector::row);
  const Matrix& rows = row_zero.gather(ids, 1);
  CHECK(rows.row(0) == Eigen::RowVector2f(1, 1));
  CHECK(rows.row(1) == Eigen::RowVector2f(1, 1));
}

TEST_CASE("normalized rows have unit length; the zero padding stays zero") {
  const TestTable table;
  IdBatchGather gather = gather_of(table, PadVector::zero, true);
  const std::vector<WordId> ids = {2, 0, 4};
  const Matrix& rows = gather.gather(ids, 1);
  CHECK(rows(0, 0) == doctest::Approx(0.6));
  CHECK(rows(0, 1) == doctest::Approx(0.8));
  CHECK(rows.row(1).isZero(0));
  CHECK(rows.row(2).isZero(0));  // a zero row of E stays zero, not NaN
  IdBatchGather row_padding = gather_of(table, PadVector::row, true);
  CHECK(row_padding.gather(std::vector<WordId>{0}, 1)(0, 0) == doctest::Approx(std::sqrt(0.5)));
}

TEST_CASE("an id outside E is an error naming it, its position, the line and the model") {
  const TestTable table;
  IdBatchGather gather = gather_of(table);
  CHECK(error_of([&] { gather.gather(std::vector<WordId>{2, 5}, 3); }) ==
        "id 5 at position 2 of line 3 of <stdin> is out of range: test.emb has ids 0 to 4");
  CHECK(error_of([&] { gather.gather(std::vector<WordId>{-1, 2}, 7); }) ==
        "id -1 at position 1 of line 7 of <stdin> is out of range: test.emb has ids 0 to 4");
}

TEST_CASE("every sequence must have the first one's length") {
  const TestTable table;
  IdBatchGather gather = gather_of(table);
  gather.gather(std::vector<WordId>{2, 3}, 4);
  gather.gather(std::vector<WordId>{0, 0}, 5);
  CHECK(error_of([&] { gather.gather(std::vector<WordId>{2, 3, 3}, 6); }) ==
        "line 6 of <stdin> has 3 ids, but line 4 has 2: --batch needs sequences of one length "
        "(embedtool pad --input-length L)");
  CHECK(gather.sequences() == 2);
  CHECK(gather.length() == 2);
}

TEST_CASE("before any sequence the batch is empty; an empty sequence sets length 0") {
  const TestTable table;
  IdBatchGather gather = gather_of(table);
  CHECK(gather.sequences() == 0);
  CHECK(gather.length() == 0);
  CHECK(gather.gather(std::vector<WordId>{}, 1).rows() == 0);
  CHECK(gather.sequences() == 1);
  CHECK(error_of([&] { gather.gather(std::vector<WordId>{2}, 2); }).find("has 1 ids, but line 1 has 0") !=
        std::string::npos);
}
