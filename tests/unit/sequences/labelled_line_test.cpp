#include "embedtool/sequences/labelled_line.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace embedtool;

namespace {

struct Split {
  std::vector<std::string> labels;
  std::string text;
};

Split split(std::string_view line, std::string_view prefix = kDefaultLabelPrefix) {
  std::vector<std::string_view> labels;
  std::string text;
  split_labels(line, prefix, labels, text);
  return {std::vector<std::string>(labels.begin(), labels.end()), text};
}

}  // namespace

TEST_CASE("labels are taken from anywhere in the line, in order, and the text keeps the rest") {
  const Split s = split("__label__pos a fine __label__x film\t__label__pos");
  CHECK(s.labels == std::vector<std::string>{"__label__pos", "__label__x", "__label__pos"});
  CHECK(s.text == "  a fine   film\t ");
}

TEST_CASE("a line without labels is all text, and one of labels only has no words") {
  CHECK(split("no labels here").labels.empty());
  CHECK(split("no labels here").text == "no labels here");
  const Split only = split("__label__a __label__b");
  CHECK(only.labels.size() == 2);
  CHECK(only.text.find_first_not_of(' ') == std::string::npos);
}

TEST_CASE("a prefix inside a token is not a label; a token that is only the prefix is one") {
  const Split s = split("x__label__a __label__ b");
  CHECK(s.labels == std::vector<std::string>{"__label__"});
  CHECK(s.text.find("x__label__a") != std::string::npos);
}

TEST_CASE("another prefix, and carriage returns and form feeds separate tokens") {
  const Split s = split("#spam buy now\r#ham\f", "#");
  CHECK(s.labels == std::vector<std::string>{"#spam", "#ham"});
  CHECK(s.text == "  buy now\r \f");
}
