#pragma once
// An SVG picture built element by element into a string: the few shapes embedtool's charts draw
// (rectangles, lines, polylines, circles, text), each with its presentation attributes written
// out in full, so the file renders the same in a browser and in rsvg-convert without any CSS.
// Every piece of text that came from the user (words, labels, file names) goes through
// xml_escaped: a word may hold `<`, `&`, quotes or any UTF-8.
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

// `text` as XML character data or as an attribute value in double or single quotes: & < > " '
// become entities; characters XML 1.0 cannot hold at all, even as references (control characters
// other than tab, newline and carriage return), and bytes that are not valid UTF-8 become U+FFFD.
std::string xml_escaped(std::string_view text);

// A coordinate or length as SVG text: at most two decimals, no trailing zeros ("12.5", "3").
std::string svg_number(double value);

struct SvgPoint {
  double x = 0;
  double y = 0;
};

enum class TextAnchor { start, middle, end };

struct TextStyle {
  double size = 12;  // font size in pixels
  TextAnchor anchor = TextAnchor::start;
  const char* fill = "#222222";
  bool bold = false;
  double rotate = 0;  // degrees, clockwise, about the text's (x, y)
};

class SvgDocument {
 public:
  // A picture of width x height pixels on a white background.
  SvgDocument(int width, int height);

  // `class_name` (may be empty) is written as the element's class: it names what the element
  // shows (e.g. "loss-curve") for tests and for people reading the file.
  void rect(double x, double y, double width, double height, std::string_view fill,
            std::string_view class_name = {}, std::string_view stroke = "none");
  void line(SvgPoint from, SvgPoint to, std::string_view stroke, double stroke_width = 1,
            std::string_view dash = {}, std::string_view class_name = {});
  void polyline(std::span<const SvgPoint> points, std::string_view stroke, double stroke_width,
                std::string_view class_name = {});
  void circle(SvgPoint centre, double radius, std::string_view fill,
              std::string_view class_name = {});
  // Text whose baseline starts (or centres, or ends, by the anchor) at (x, y). `extra` is
  // written into the element as it is (trusted attributes, e.g. data-box="...").
  void text(double x, double y, std::string_view content, const TextStyle& style,
            std::string_view class_name = {}, std::string_view extra = {});
  // A <title> for the whole picture (shown by browsers as the tab's name).
  void title(std::string_view content);

  // The finished document.
  std::string str() const;

 private:
  void open_element(std::string_view name, std::string_view class_name);

  int width_;
  int height_;
  std::string title_;
  std::string body_;
};

}  // namespace embedtool
