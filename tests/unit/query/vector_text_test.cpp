#include "embedtool/query/vector_text.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

TEST_CASE("printed floats read back as the same float32") {
  for (const float value : {0.1f, -1.0f / 3.0f, 1e-30f, 123456.789f, 0.0f, 3.4028235e38f}) {
    std::string text;
    embedtool::append_float(text, value);
    CHECK(std::strtof(text.c_str(), nullptr) == value);
  }
}

TEST_CASE("a vector prints as space-separated components") {
  std::string text = "cat";
  embedtool::append_vector(text, Eigen::RowVector3f(0.5f, -2, 0.25f));
  CHECK(text == "cat 0.5 -2 0.25");
}
