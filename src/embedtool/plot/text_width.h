#pragma once
// How much room a piece of text takes, known before any renderer draws it: an SVG writer cannot
// measure text, and labels must be placed (label_placement.h) and margins sized without it.
//
// The estimate adds up one advance width per character, taken from DejaVu Sans (the font the
// charts ask for first, and Debian's default sans-serif) and rounded UP within a few classes of
// characters, so that a box drawn from it holds the rendered text (measured with rsvg-convert:
// tests/e2e/plot.sh checks that each label's box holds ink). Verdana, the first fallback, is
// about as wide; Arial and Helvetica are narrower. Per class, in ems (the widest member as
// rsvg-convert draws it, in brackets):
//   0.42 narrow ASCII: i j l t f r I J space and thin punctuation . , : ; ! ' ( ) [ ] / \ | -
//        (r: 0.411);
//   0.64 digits, the other lowercase letters but m and w, E F L P S T Y, $ * _ ? { } " `
//        (b d g p q: 0.635);
//   0.87 the other capitals and w, & # + < = > ^ ~ (M: 0.863);
//   1.0  m W @ % (@: 1.0);
//   1.1  other characters one column wide (accented Latin, Greek, Cyrillic, arrows ...; Ж: 1.08,
//        Ш and Œ: 1.07);
//   1.0  East Asian wide and fullwidth characters (utf8proc's width 2; drawn by a fallback
//        font: 0.70), 0 for combining marks and other characters of width 0.
#include <cstddef>
#include <string>
#include <string_view>

namespace embedtool {

// A line of text is this many font sizes tall, descenders included.
inline constexpr double kLineHeight = 1.2;
// Its baseline lies this many font sizes below the top of that line (DejaVu Sans' ascent).
inline constexpr double kBaselineDepth = 0.95;

// The estimated width in pixels of `text` (UTF-8; an invalid byte counts as one U+FFFD) set in
// `font_size` pixels.
double estimated_text_width(std::string_view text, double font_size);

// `text` cut to at most `max_characters` characters (code points), the last of them "…" when
// cut; never splits a character.
std::string shortened_text(std::string_view text, std::size_t max_characters);

}  // namespace embedtool
