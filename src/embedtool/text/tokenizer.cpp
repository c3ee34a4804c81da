#include "embedtool/text/tokenizer.h"

#include <utf8proc.h>

#include "embedtool/errors.h"
#include "embedtool/text/location_message.h"
#include "embedtool/text/utf8.h"
#include "embedtool/text/word_separators.h"

namespace embedtool {
namespace {

// byte_class_ sorts every byte value so that ASCII text needs one table look-up per byte.
enum ByteClass : std::uint8_t {
  kWordByte,       // ASCII that goes into the word unchanged
  kUppercaseByte,  // ASCII A-Z when lowercasing
  kSeparatorByte,  // ASCII space, control character or filter
  kMultiByte,      // start (or stray part) of a multi-byte sequence: decode it
};

constexpr std::uint8_t kAsciiCaseOffset = 'a' - 'A';
constexpr char32_t kCapitalIWithDotAbove = 0x130;
constexpr char32_t kCombiningDotAbove = 0x307;
constexpr char32_t kCapitalSigma = 0x3A3;
constexpr char32_t kFinalSigma = 0x3C2;

bool is_cased_letter(char32_t code_point) {
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(code_point));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL ||
         category == UTF8PROC_CATEGORY_LT;
}

// Unicode's Final_Sigma condition, which Python's str.lower applies: Σ lowercases to ς when a
// cased letter comes before it and none after it ("ΟΔΟΣ" -> "οδος"). Simplified: only the
// neighbouring characters are looked at, case-ignorable ones are not skipped.
bool is_word_final_sigma(const unsigned char* bytes, std::size_t size, std::size_t at,
                         std::size_t length) {
  std::size_t previous = at;
  while (previous > 0 && at - previous < 4) {
    --previous;
    if ((bytes[previous] & 0xC0) != 0x80) break;  // not a continuation byte: a character start
  }
  if (previous == at) return false;
  const utf8::DecodedChar before = utf8::decode(bytes + previous, at - previous);
  if (!before.valid || previous + before.length != at || !is_cased_letter(before.code_point)) {
    return false;
  }
  if (at + length >= size) return true;
  const utf8::DecodedChar after = utf8::decode(bytes + at + length, size - at - length);
  return !(after.valid && is_cased_letter(after.code_point));
}

// Collects the current token. It stays a view of the input line until some character of it
// has to change (lowercasing, U+FFFD, a dropped byte); from then on it is copied into `changed`.
class TokenBuilder {
 public:
  TokenBuilder(std::string_view line, const std::function<void(std::string_view)>& on_token)
      : line_(line), on_token_(on_token) {}

  void extend_unchanged(std::size_t from, std::size_t to) {
    if (!in_token_) begin(from);
    if (copying_) changed_.append(line_.data() + from, to - from);
  }
  // `at` is where the changed character starts in the line.
  void append_changed_ascii(std::size_t at, char c) {
    start_copy(at);
    changed_ += c;
  }
  void append_changed(std::size_t at, char32_t code_point) {
    start_copy(at);
    utf8::append(changed_, code_point);
  }
  void drop(std::size_t at) {
    if (in_token_) start_copy(at);
  }
  void end(std::size_t at) {
    if (!in_token_) return;
    in_token_ = false;
    if (copying_) {
      if (!changed_.empty()) on_token_(changed_);
    } else {
      on_token_(line_.substr(start_, at - start_));
    }
  }

 private:
  void begin(std::size_t at) {
    in_token_ = true;
    copying_ = false;
    start_ = at;
  }
  void start_copy(std::size_t at) {
    if (!in_token_) begin(at);
    if (copying_) return;
    changed_.assign(line_.data() + start_, at - start_);
    copying_ = true;
  }

  std::string_view line_;
  const std::function<void(std::string_view)>& on_token_;
  std::string changed_;
  std::size_t start_ = 0;
  bool in_token_ = false;
  bool copying_ = false;
};

[[noreturn]] void throw_invalid_utf8(const TextLocation& where, std::size_t offset_in_line) {
  throw Error("invalid UTF-8" +
              location_message(where.source, where.line, where.line_offset + offset_in_line));
}

}  // namespace

Tokenizer::Tokenizer(TokenizerOptions options) : options_(std::move(options)) {
  std::array<bool, 128> is_ascii_filter{};
  if (options_.filter_punctuation) {
    const std::string_view filters = options_.filters;
    const auto* bytes = reinterpret_cast<const unsigned char*>(filters.data());
    for (std::size_t i = 0; i < filters.size();) {
      const utf8::DecodedChar decoded = utf8::decode(bytes + i, filters.size() - i);
      if (!decoded.valid) {
        throw UsageError("the filter characters are not valid UTF-8 (byte " + std::to_string(i) +
                         " of the filters)");
      }
      if (decoded.code_point < 0x80) {
        is_ascii_filter[decoded.code_point] = true;
      } else {
        non_ascii_filters_ += decoded.code_point;
      }
      i += decoded.length;
    }
  }

  for (unsigned value = 0; value < 256; ++value) {
    // Keras lowercases before it filters, so a filter is matched against the lowercased byte.
    const bool changes = options_.lowercase && value >= 'A' && value <= 'Z';
    const unsigned effective = changes ? value + kAsciiCaseOffset : value;
    std::uint8_t byte_class = kWordByte;
    if (value >= 0x80) {
      byte_class = kMultiByte;
    } else if (is_space_or_control(value) || is_ascii_filter[effective]) {
      byte_class = kSeparatorByte;
    } else if (changes) {
      byte_class = kUppercaseByte;
    }
    byte_class_[value] = byte_class;
  }
}

bool Tokenizer::is_separator(char32_t code_point) const {
  return is_space_or_control(code_point) ||
         non_ascii_filters_.find(code_point) != std::u32string::npos;
}

void Tokenizer::for_each_token(std::string_view line, const TextLocation& where,
                               const std::function<void(std::string_view)>& on_token) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  TokenBuilder token(line, on_token);

  std::size_t i = 0;
  while (i < size) {
    switch (byte_class_[bytes[i]]) {
      case kWordByte: {
        std::size_t run_end = i + 1;
        while (run_end < size && byte_class_[bytes[run_end]] == kWordByte) ++run_end;
        token.extend_unchanged(i, run_end);
        i = run_end;
        break;
      }
      case kUppercaseByte:
        token.append_changed_ascii(i, static_cast<char>(bytes[i] + kAsciiCaseOffset));
        ++i;
        break;
      case kSeparatorByte:
        token.end(i);
        ++i;
        break;
      case kMultiByte: {
        const utf8::DecodedChar decoded = utf8::decode(bytes + i, size - i);
        if (!decoded.valid) {
          switch (options_.unicode_errors) {
            case UnicodeErrors::strict:
              throw_invalid_utf8(where, i);
            case UnicodeErrors::replace:
              token.append_changed(i, utf8::kReplacementCharacter);
              break;
            case UnicodeErrors::ignore:
              token.drop(i);
              break;
          }
          i += decoded.length;
          break;
        }
        if (options_.lowercase && decoded.code_point == kCapitalIWithDotAbove) {
          // The one unconditional lowercase mapping to two code points in Unicode's
          // SpecialCasing.txt; utf8proc_tolower maps only one to one. Python's str.lower (and so
          // Keras) gives "i" + U+0307 COMBINING DOT ABOVE, and so do we.
          token.append_changed(i, U'i');
          token.append_changed(i, kCombiningDotAbove);
          i += decoded.length;
          break;
        }
        if (options_.lowercase && decoded.code_point == kCapitalSigma &&
            is_word_final_sigma(bytes, size, i, decoded.length)) {
          token.append_changed(i, kFinalSigma);
          i += decoded.length;
          break;
        }
        const char32_t lowered =
            options_.lowercase ? static_cast<char32_t>(utf8proc_tolower(
                                     static_cast<utf8proc_int32_t>(decoded.code_point)))
                               : decoded.code_point;
        if (is_separator(lowered)) {
          token.end(i);
        } else if (lowered == decoded.code_point) {
          token.extend_unchanged(i, i + decoded.length);
        } else {
          token.append_changed(i, lowered);
        }
        i += decoded.length;
        break;
      }
    }
  }
  token.end(size);
}

std::vector<std::string> Tokenizer::tokenize(std::string_view line,
                                             const TextLocation& where) const {
  std::vector<std::string> tokens;
  for_each_token(line, where, [&tokens](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

}  // namespace embedtool
