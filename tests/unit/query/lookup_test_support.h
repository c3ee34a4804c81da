#pragma once
// Shared by the lookup tests: a small table (a vocabulary and its matrix E, with the functions
// the lookup classes read rows and words through, as the CLI passes a VectorTable's), and the
// message of an expected Error.
#include <string_view>

#include "../error_message.h"
#include "embedtool/model.h"
#include "embedtool/query/query_resolver.h"

namespace embedtool::lookup_test {

// Rows: 0 <pad> (1, 1), 1 <unk> (0, -2), 2 cat (3, 4), 3 dog (0, 5), 4 zero (0, 0).
struct TestTable {
  TestTable() {
    for (const char* word : {"cat", "dog", "zero"}) vocabulary.add(word, 1);
    vectors = Matrix(5, 2);
    vectors << 1, 1, 0, -2, 3, 4, 0, 5, 0, 0;
  }

  QueryResolver resolver(bool by_id = false) const {
    return QueryResolver([this](std::string_view word) { return vocabulary.id_of(word); },
                         vocabulary.input_dim(), "test.emb", by_id);
  }
  auto row_of() const {
    return [this](WordId id) -> Eigen::RowVectorXf { return vectors.row(id); };
  }
  auto word_of() const {
    return [this](WordId id) { return vocabulary.word(id); };
  }

  Vocabulary vocabulary;
  Matrix vectors;
};

using unit_test::error_of;

}  // namespace embedtool::lookup_test
