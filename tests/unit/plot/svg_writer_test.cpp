// The SVG writer: text from users (words, labels, file names) cannot break the document.
#include "embedtool/plot/svg_writer.h"

#include <doctest/doctest.h>

#include <string>

using namespace embedtool;

TEST_CASE("XML's five special characters become entities") {
  CHECK(xml_escaped("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escaped("&amp;") == "&amp;amp;");  // escaped again: it is text, not markup
  CHECK(xml_escaped("]]>") == "]]&gt;");
  CHECK(xml_escaped("") == "");
}

TEST_CASE("any UTF-8 passes unchanged") {
  const std::string words = "caf\u00e9 \u043a\u043e\u0442 \u732b \U0001F408 na\u0308ive";
  CHECK(xml_escaped(words) == words);
  CHECK(xml_escaped("tab\tnewline\ncr\r") == "tab\tnewline\ncr\r");
}

TEST_CASE("what XML 1.0 cannot hold at all becomes U+FFFD") {
  // Control characters (not even as &#1;), U+FFFE and U+FFFF, and bytes that are not UTF-8.
  CHECK(xml_escaped(std::string("a\x01" "b", 3)) == "a\uFFFDb");
  CHECK(xml_escaped(std::string("\0", 1)) == "\uFFFD");
  CHECK(xml_escaped("\x1b[31m") == "\uFFFD[31m");
  CHECK(xml_escaped("\uFFFE\uFFFF") == "\uFFFD\uFFFD");
  CHECK(xml_escaped("\xff\xfe") == "\uFFFD\uFFFD");
  CHECK(xml_escaped("\xe6\x97x") == "\uFFFDx");  // a cut-off character, then x
}

TEST_CASE("numbers: two decimals at most, no trailing zeros, no -0") {
  CHECK(svg_number(12.5) == "12.5");
  CHECK(svg_number(3.0) == "3");
  CHECK(svg_number(1.0 / 3) == "0.33");
  CHECK(svg_number(-0.001) == "0");
  CHECK(svg_number(-2.25) == "-2.25");
  CHECK(svg_number(100) == "100");
}

TEST_CASE("a document: size, title first, text escaped in elements and attributes") {
  SvgDocument svg(640, 480);
  svg.title("log <1>");
  svg.text(10, 20, "<cat> & \"dog\"", TextStyle{}, "word-label");
  svg.polyline(std::vector<SvgPoint>{{0, 0}, {1.5, 2}}, "#000", 1, "loss-curve");
  const std::string document = svg.str();
  CHECK(document.find("width=\"640\" height=\"480\"") != std::string::npos);
  CHECK(document.find("<title>log &lt;1&gt;</title>") < document.find("<rect"));
  CHECK(document.find(">&lt;cat&gt; &amp; &quot;dog&quot;</text>") != std::string::npos);
  CHECK(document.find("class=\"loss-curve\"") != std::string::npos);
  CHECK(document.find("points=\"0,0 1.5,2\"") != std::string::npos);
  CHECK(document.substr(document.size() - 7) == "</svg>\n");
}
