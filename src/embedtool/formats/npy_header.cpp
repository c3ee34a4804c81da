#include "embedtool/formats/npy_header.h"

#include <optional>
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::size_t kDataAlignment = 64;

// Just enough of Python's literal syntax for the header dict: strings, True/False, integers and
// tuples of integers.
class DictParser {
 public:
  DictParser(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  NpyHeader parse() {
    NpyHeader header;
    bool has_descr = false, has_order = false, has_shape = false;
    expect('{');
    while (true) {
      skip_space();
      if (peek() == '}') break;
      const std::string key = string_literal();
      expect(':');
      skip_space();
      if (key == "descr") {
        header.descr = string_literal();
        has_descr = true;
      } else if (key == "fortran_order") {
        header.fortran_order = boolean_literal();
        has_order = true;
      } else if (key == "shape") {
        header.shape = shape_literal();
        has_shape = true;
      } else {
        fail("an unknown key " + embedtool::quoted(key));
      }
      skip_space();
      if (peek() == ',') ++at_;
    }
    if (!has_descr || !has_order || !has_shape) {
      fail("no 'descr', 'fortran_order' or 'shape' key");
    }
    return header;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(source_ + ": the .npy header is not the dict numpy writes (" + what + " at byte " +
                decimal(at_) + " of " + embedtool::quoted(text_.substr(0, 120)) + ")");
  }
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n')) ++at_;
  }
  void expect(char c) {
    skip_space();
    if (peek() != c) fail(std::string("no '") + c + "'");
    ++at_;
  }
  std::string string_literal() {
    skip_space();
    const char quote = peek();
    if (quote != '\'' && quote != '"') fail("no string");
    const std::size_t end = text_.find(quote, at_ + 1);
    if (end == std::string_view::npos) fail("an unterminated string");
    std::string value(text_.substr(at_ + 1, end - at_ - 1));
    at_ = end + 1;
    return value;
  }
  bool boolean_literal() {
    if (text_.substr(at_).starts_with("True")) {
      at_ += 4;
      return true;
    }
    if (text_.substr(at_).starts_with("False")) {
      at_ += 5;
      return false;
    }
    fail("no True or False");
  }
  std::uint64_t integer_literal() {
    skip_space();
    std::uint64_t value = 0;
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      auto next = checked_mul(value, 10);
      if (next) next = checked_add(*next, static_cast<std::uint64_t>(text_[at_] - '0'));
      if (!next) fail("a dimension beyond 2^64");
      value = *next;
      ++at_;
    }
    if (at_ == start) fail("no dimension");
    if (peek() == 'L') ++at_;  // Python 2 wrote long integers as 3L
    return value;
  }
  std::vector<std::uint64_t> shape_literal() {
    std::vector<std::uint64_t> shape;
    expect('(');
    while (true) {
      skip_space();
      if (peek() == ')') break;
      shape.push_back(integer_literal());
      skip_space();
      if (peek() == ',') {
        ++at_;
      } else if (peek() != ')') {
        fail("no ',' or ')' in the shape");
      }
    }
    ++at_;
    return shape;
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t at_ = 0;
};

}  // namespace

NpyHeader decode_npy_header(std::span<const std::byte> file, const std::string& source_name) {
  const std::string_view text(reinterpret_cast<const char*>(file.data()), file.size());
  if (!text.starts_with(kMagic)) {
    throw Error(source_name + " is not a numpy .npy file (it does not start with \\x93NUMPY)");
  }
  if (text.size() < 10) throw Error(source_name + " is truncated inside its .npy header");
  const auto major = static_cast<unsigned char>(text[6]);
  std::size_t header_start = 0;
  std::uint64_t header_length = 0;
  if (major == 1) {
    header_start = 10;
    header_length = le::load_u16(file.data() + 8);
  } else if (major == 2 || major == 3) {
    if (text.size() < 12) throw Error(source_name + " is truncated inside its .npy header");
    header_start = 12;
    header_length = le::load_u32(file.data() + 8);
  } else {
    throw Error(source_name + " is an .npy file of format version " + decimal(major) +
                ", which this embedtool cannot read (it reads versions 1 to 3)");
  }
  if (header_length > text.size() - header_start) {
    throw Error(source_name + " is truncated: its .npy header says " + decimal(header_length) +
                " bytes, the file has " + decimal(text.size() - header_start) + " after the start");
  }
  NpyHeader header = DictParser(text.substr(header_start, header_length), source_name).parse();
  header.data_offset = header_start + header_length;
  return header;
}

std::string encode_npy_header(const std::string& descr, std::uint64_t rows, std::uint64_t cols) {
  const std::uint64_t shape[] = {rows, cols};
  return encode_npy_header(descr, shape);
}

std::string encode_npy_header(const std::string& descr, std::span<const std::uint64_t> shape) {
  std::string dims;
  for (std::size_t i = 0; i < shape.size(); ++i) dims += (i > 0 ? ", " : "") + decimal(shape[i]);
  if (shape.size() == 1) dims += ",";
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims +
                     "), }";
  const std::size_t unpadded = kMagic.size() + 4 + dict.size() + 1;  // + version, length, "\n"
  dict.append(align_up(unpadded, kDataAlignment) - unpadded, ' ');
  dict.push_back('\n');
  std::string header(kMagic);
  header.push_back('\x01');
  header.push_back('\x00');
  header.push_back(static_cast<char>(dict.size() & 0xff));
  header.push_back(static_cast<char>(dict.size() >> 8));
  return header + dict;
}

}  // namespace embedtool
