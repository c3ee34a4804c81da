#include "embedtool/plot/svg_writer.h"

#include <cmath>
#include <cstdio>

#include "embedtool/text/utf8.h"

namespace embedtool {

namespace {

// XML 1.0's Char production: what a document may hold at all.
bool xml_allows(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

const char* anchor_name(TextAnchor anchor) {
  switch (anchor) {
    case TextAnchor::middle:
      return "middle";
    case TextAnchor::end:
      return "end";
    case TextAnchor::start:
      break;
  }
  return "start";
}

}  // namespace

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    const utf8::DecodedChar decoded = utf8::decode(bytes + at, text.size() - at);
    at += decoded.length;
    if (!decoded.valid || !xml_allows(decoded.code_point)) {
      utf8::append(out, utf8::kReplacementCharacter);
      continue;
    }
    switch (decoded.code_point) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;  // only needed after "]]", but never wrong
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: utf8::append(out, decoded.code_point);
    }
  }
  return out;
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string number = text;
  while (number.back() == '0') number.pop_back();
  if (number.back() == '.') number.pop_back();
  if (number == "-0") number = "0";
  return number;
}

SvgDocument::SvgDocument(int width, int height) : width_(width), height_(height) {}

void SvgDocument::open_element(std::string_view name, std::string_view class_name) {
  body_.append("<").append(name);
  if (!class_name.empty()) body_.append(" class=\"").append(xml_escaped(class_name)).append("\"");
}

void SvgDocument::title(std::string_view content) {
  title_ = "<title>" + xml_escaped(content) + "</title>\n";
}

void SvgDocument::rect(double x, double y, double width, double height, std::string_view fill,
                       std::string_view class_name, std::string_view stroke) {
  open_element("rect", class_name);
  body_.append(" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" +
               svg_number(width) + "\" height=\"" + svg_number(height) + "\" fill=\"")
      .append(fill)
      .append("\" stroke=\"")
      .append(stroke)
      .append("\"/>\n");
}

void SvgDocument::line(SvgPoint from, SvgPoint to, std::string_view stroke, double stroke_width,
                       std::string_view dash, std::string_view class_name) {
  open_element("line", class_name);
  body_.append(" x1=\"" + svg_number(from.x) + "\" y1=\"" + svg_number(from.y) + "\" x2=\"" +
               svg_number(to.x) + "\" y2=\"" + svg_number(to.y) + "\" stroke=\"")
      .append(stroke)
      .append("\" stroke-width=\"" + svg_number(stroke_width) + "\"");
  if (!dash.empty()) body_.append(" stroke-dasharray=\"").append(dash).append("\"");
  body_.append("/>\n");
}

void SvgDocument::polyline(std::span<const SvgPoint> points, std::string_view stroke,
                           double stroke_width, std::string_view class_name) {
  open_element("polyline", class_name);
  body_.append(" fill=\"none\" stroke=\"")
      .append(stroke)
      .append("\" stroke-width=\"" + svg_number(stroke_width) +
              "\" stroke-linejoin=\"round\" points=\"");
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0) body_.push_back(' ');
    body_.append(svg_number(points[i].x)).append(",").append(svg_number(points[i].y));
  }
  body_.append("\"/>\n");
}

void SvgDocument::circle(SvgPoint centre, double radius, std::string_view fill,
                         std::string_view class_name) {
  open_element("circle", class_name);
  body_.append(" cx=\"" + svg_number(centre.x) + "\" cy=\"" + svg_number(centre.y) + "\" r=\"" +
               svg_number(radius) + "\" fill=\"")
      .append(fill)
      .append("\"/>\n");
}

void SvgDocument::text(double x, double y, std::string_view content, const TextStyle& style,
                       std::string_view class_name, std::string_view extra) {
  open_element("text", class_name);
  body_.append(" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" font-size=\"" +
               svg_number(style.size) + "\" text-anchor=\"" + anchor_name(style.anchor) +
               "\" fill=\"" + style.fill + "\"");
  if (style.bold) body_.append(" font-weight=\"bold\"");
  if (style.rotate != 0)
    body_.append(" transform=\"rotate(" + svg_number(style.rotate) + " " + svg_number(x) + " " +
                 svg_number(y) + ")\"");
  if (!extra.empty()) body_.append(" ").append(extra);
  body_.append(">").append(xml_escaped(content)).append("</text>\n");
}

std::string SvgDocument::str() const {
  // The font is set once for the whole picture. Text widths are estimated from DejaVu Sans
  // (text_width.h), which Debian installs with fontconfig; the others are close fallbacks.
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
      std::to_string(width_) + "\" height=\"" + std::to_string(height_) + "\" viewBox=\"0 0 " +
      std::to_string(width_) + " " + std::to_string(height_) +
      "\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n";
  document += title_;  // the first child, where readers look for it
  document += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width_) + "\" height=\"" +
              std::to_string(height_) + "\" fill=\"white\"/>\n";
  document += body_;
  document += "</svg>\n";
  return document;
}

}  // namespace embedtool
