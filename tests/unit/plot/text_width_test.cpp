// Text width estimates: never below the advance widths rsvg-convert draws DejaVu Sans with
// (measured: text_width.h lists them), so a box made from them holds the text.
#include "embedtool/plot/text_width.h"

#include <doctest/doctest.h>

#include <string>

using namespace embedtool;

TEST_CASE("each class is at least as wide as its widest measured member") {
  constexpr double size = 100;
  CHECK(estimated_text_width("r", size) >= 41.1);
  CHECK(estimated_text_width("b", size) >= 63.5);
  CHECK(estimated_text_width("M", size) >= 86.3);
  CHECK(estimated_text_width("@", size) >= 100);
  CHECK(estimated_text_width("m", size) >= 97.4);
  CHECK(estimated_text_width("\u0416", size) >= 107.7);  // Ж
  CHECK(estimated_text_width("\u732b", size) >= 70.4);   // 猫, drawn by a fallback font
  // ... and not far above: a label's box should not hold much empty space.
  CHECK(estimated_text_width("i", size) <= 45);
  CHECK(estimated_text_width("the", size) <= 3 * 66);
}

TEST_CASE("widths add up per character, whatever its bytes") {
  CHECK(estimated_text_width("", 12) == 0);
  CHECK(estimated_text_width("cab", 10) == doctest::Approx(3 * 6.4));
  CHECK(estimated_text_width("cat", 10) == doctest::Approx(2 * 6.4 + 4.2));
  CHECK(estimated_text_width("cab\u00e9", 10) == doctest::Approx(3 * 6.4 + 11));
  CHECK(estimated_text_width("e\u0301", 10) == doctest::Approx(6.4));  // combining accent: 0
  CHECK(estimated_text_width("\u732b\u732b", 10) == doctest::Approx(20));
  CHECK(estimated_text_width("\xff", 10) == doctest::Approx(11));  // drawn as U+FFFD
  CHECK(estimated_text_width("cat", 20) == doctest::Approx(2 * estimated_text_width("cat", 10)));
}

TEST_CASE("shortening counts characters, not bytes, and marks the cut") {
  CHECK(shortened_text("short", 24) == "short");
  CHECK(shortened_text("abcdef", 6) == "abcdef");
  CHECK(shortened_text("abcdefg", 6) == "abcde\u2026");
  CHECK(shortened_text("\u00e9\u00e9\u00e9\u00e9", 3) == "\u00e9\u00e9\u2026");
  CHECK(shortened_text("\u732b\u732b\u732b", 3) == "\u732b\u732b\u732b");
  CHECK(shortened_text("abc", 1) == "\u2026");
}
