#include "embedtool/storage/float_text.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <limits>
#include <string>

#include "embedtool/storage/message_format.h"

TEST_CASE("printed floats read back as the same float32") {
  for (const float value : {0.1f, -1.0f / 3.0f, 1e-30f, 123456.789f, 0.0f, 3.4028235e38f,
                            std::numeric_limits<float>::denorm_min()}) {
    std::string text;
    embedtool::append_float(text, value);
    CHECK(std::strtof(text.c_str(), nullptr) == value);
  }
}

TEST_CASE("floats print in their shortest form and append to what is there") {
  std::string text = "x=";
  embedtool::append_float(text, 0.1f);
  CHECK(text == "x=0.1");
  text.clear();
  embedtool::append_float(text, -2.0f);
  CHECK(text == "-2");
  text.clear();
  embedtool::append_float(text, -std::numeric_limits<float>::max());
  CHECK(text == "-3.4028235e+38");
}

TEST_CASE("error messages name a value as the printer writes it") {
  std::string text;
  embedtool::append_float(text, 65520.5f);
  CHECK(embedtool::shortest_decimal(65520.5f) == text);
  CHECK(embedtool::shortest_decimal(1e-7f) == "1e-07");
}
