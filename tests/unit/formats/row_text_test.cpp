#include "embedtool/formats/row_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

using embedtool::append_json_array;
using embedtool::append_json_string;
using embedtool::append_number;
using embedtool::append_numbers;

TEST_CASE("numbers print in full float32 precision unless a precision is given") {
  std::string full;
  append_number(full, 1.0f / 3.0f, std::nullopt);
  CHECK(std::strtof(full.c_str(), nullptr) == 1.0f / 3.0f);
  std::string short_text;
  append_number(short_text, 1.0f / 3.0f, 3);
  CHECK(short_text == "0.333");
  std::string tiny;
  append_number(tiny, 1.234567e-7f, 2);
  CHECK(tiny == "1.2e-07");
}

TEST_CASE("rows take the separator of their format before each number") {
  std::string text = "cat";
  append_numbers(text, Eigen::RowVector3f(0.5f, -2, 0.25f), '\t', std::nullopt);
  CHECK(text == "cat\t0.5\t-2\t0.25");
}

TEST_CASE("a JSON array is valid JSON even with NaN and infinity") {
  std::string text;
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  append_json_array(text, Eigen::RowVector4f(1.5f, nan, -inf, 0), std::nullopt);
  CHECK(text == "[1.5,null,null,0]");
  const auto parsed = nlohmann::json::parse(text);
  CHECK(parsed.size() == 4);
  std::string empty;
  append_json_array(empty, Eigen::RowVectorXf(0), std::nullopt);
  CHECK(empty == "[]");
}

TEST_CASE("JSON strings are escaped, and invalid UTF-8 becomes U+FFFD") {
  std::string text;
  append_json_string(text, "say \"hi\"\n\\");
  CHECK(text == R"("say \"hi\"\n\\")");
  std::string invalid;
  append_json_string(invalid, "a\xff" "b");
  CHECK(nlohmann::json::parse(invalid).get<std::string>() == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("a tsv header names the leading columns, then v1 to vD") {
  CHECK(embedtool::tsv_header("word", 3) == "word\tv1\tv2\tv3\n");
  CHECK(embedtool::tsv_header("sequence\tposition\tid", 1) == "sequence\tposition\tid\tv1\n");
  CHECK(embedtool::tsv_header("word", 0) == "word\n");
}
