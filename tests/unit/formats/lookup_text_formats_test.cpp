// The exact bytes of lookup's text answers (text, tsv, json) for each kind of query: scripts parse
// them, so every separator and quote matters.
#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "embedtool/formats/neighbours_output.h"
#include "embedtool/formats/sequence_rows_output.h"
#include "embedtool/formats/similarity_output.h"
#include "embedtool/formats/vector_rows_output.h"

using namespace embedtool;

namespace {

LookupStyle style(OutputFormat format, Precision precision = std::nullopt) {
  return {format, precision, false};
}

const Eigen::RowVector3f kRow(0.5f, -2, 1.0f / 3.0f);

std::string vector_row(const LookupStyle& with, std::string_view label, std::optional<WordId> id,
                       const Eigen::RowVectorXf& row = kRow) {
  std::string text;
  append_vector_row(text, with, label, id, row);
  return text;
}

}  // namespace

TEST_CASE("vector rows: text and tsv are the label and the numbers, json an object per row") {
  CHECK(vector_row(style(OutputFormat::text), "cat", 2) == "cat 0.5 -2 0.33333334\n");
  CHECK(vector_row(style(OutputFormat::tsv), "cat", 2) == "cat\t0.5\t-2\t0.33333334\n");
  CHECK(vector_row(style(OutputFormat::json), "cat", 2) ==
        "{\"word\":\"cat\",\"id\":2,\"vector\":[0.5,-2,0.33333334]}\n");
  SUBCASE("the zero row of --oov zero has a null id") {
    CHECK(vector_row(style(OutputFormat::json), "emu", std::nullopt, Eigen::RowVector2f(0, 0)) ==
          "{\"word\":\"emu\",\"id\":null,\"vector\":[0,0]}\n");
  }
  SUBCASE("a precision shortens every number") {
    CHECK(vector_row(style(OutputFormat::text, 2), "cat", 2) == "cat 0.5 -2 0.33\n");
    CHECK(vector_row(style(OutputFormat::json, 2), "cat", 2) ==
          "{\"word\":\"cat\",\"id\":2,\"vector\":[0.5,-2,0.33]}\n");
  }
  SUBCASE("json escapes the word and writes NaN as null") {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    CHECK(vector_row(style(OutputFormat::json), "say \"hi\"", 3, Eigen::RowVector2f(nan, 1)) ==
          "{\"word\":\"say \\\"hi\\\"\",\"id\":3,\"vector\":[null,1]}\n");
  }
}

TEST_CASE("sequence rows: a text line per sequence, a tsv line per position, json per sequence") {
  const std::vector<WordId> ids = {4, 0};
  Matrix rows(2, 2);
  rows << 1.5f, -1, 0, 0;
  std::string text;
  append_sequence_rows(text, style(OutputFormat::text), 7, ids, rows);
  CHECK(text == "1.5 -1 0 0\n");
  std::string tsv;
  append_sequence_rows(tsv, style(OutputFormat::tsv), 7, ids, rows);
  CHECK(tsv == "7\t0\t4\t1.5\t-1\n7\t1\t0\t0\t0\n");
  std::string json;
  append_sequence_rows(json, style(OutputFormat::json), 7, ids, rows);
  CHECK(json == "{\"ids\":[4,0],\"vectors\":[[1.5,-1],[0,0]]}\n");
  SUBCASE("appending keeps what was there; an empty sequence is an empty line") {
    std::string more = "x\n";
    append_sequence_rows(more, style(OutputFormat::text), 0, ids, rows);
    CHECK(more == "x\n1.5 -1 0 0\n");
    std::string empty;
    append_sequence_rows(empty, style(OutputFormat::text), 0, {}, Matrix(0, 2));
    CHECK(empty == "\n");
    std::string empty_json;
    append_sequence_rows(empty_json, style(OutputFormat::json), 0, {}, Matrix(0, 2));
    CHECK(empty_json == "{\"ids\":[],\"vectors\":[]}\n");
  }
}

TEST_CASE("neighbours: a line per neighbour, or one json object per query") {
  Vocabulary vocabulary;
  vocabulary.add("queen", 1);  // 2
  vocabulary.add("käse", 1);   // 3
  const NearestAnswer answer{"king - man", {{2, 0.75f}, {3, -0.125f}}};
  std::string text;
  append_neighbours(text, style(OutputFormat::text), answer, vocabulary);
  CHECK(text == "king - man\tqueen\t0.75\nking - man\tkäse\t-0.125\n");
  std::string tsv;
  append_neighbours(tsv, style(OutputFormat::tsv), answer, vocabulary);
  CHECK(tsv == text);
  std::string json;
  append_neighbours(json, style(OutputFormat::json), answer, vocabulary);
  CHECK(json ==
        "{\"query\":\"king - man\",\"neighbours\":[{\"word\":\"queen\",\"similarity\":0.75},"
        "{\"word\":\"käse\",\"similarity\":-0.125}]}\n");
  SUBCASE("a query without neighbours prints nothing in text, an empty list in json") {
    const NearestAnswer none{"x", {}};
    std::string empty;
    append_neighbours(empty, style(OutputFormat::text), none, vocabulary);
    CHECK(empty.empty());
    append_neighbours(empty, style(OutputFormat::json), none, vocabulary);
    CHECK(empty == "{\"query\":\"x\",\"neighbours\":[]}\n");
  }
  CHECK(kNeighboursHeader == "query\tneighbour\tsimilarity\n");
}

TEST_CASE("similarities: a line per pair, or one json object per pair") {
  std::string text;
  append_similarity(text, style(OutputFormat::text), "cat", "dog", 0.8f);
  CHECK(text == "cat\tdog\t0.8\n");
  std::string tsv;
  append_similarity(tsv, style(OutputFormat::tsv, 1), "cat", "dog", 0.8f);
  CHECK(tsv == "cat\tdog\t0.8\n");
  std::string json;
  append_similarity(json, style(OutputFormat::json, 3), "cat", "d\"og", 1.0f / 3.0f);
  CHECK(json == "{\"word1\":\"cat\",\"word2\":\"d\\\"og\",\"similarity\":0.333}\n");
  CHECK(kSimilarityHeader == "word1\tword2\tsimilarity\n");
}
