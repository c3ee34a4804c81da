#pragma once
// Stream buffers that behave like the awkward inputs LineReader meets: pipes that deliver a
// byte at a time, std::cin synced with stdio (no buffer at all), huge generated input, and
// devices that fail mid-read.
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <streambuf>
#include <string>

namespace embedtool::testing {

// Hands out its text one byte per underflow, so every line end falls on a block boundary.
class TrickleBuffer : public std::streambuf {
 public:
  explicit TrickleBuffer(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (position_ >= text_.size()) return traits_type::eof();
    current_ = text_[position_++];
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  std::string text_;
  std::size_t position_ = 0;
  char current_ = 0;
};

// No get area at all, like libstdc++'s stdio_sync_filebuf: in_avail() is always 0.
class UnbufferedBuffer : public std::streambuf {
 public:
  explicit UnbufferedBuffer(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (position_ >= text_.size()) return traits_type::eof();
    return traits_type::to_int_type(text_[position_]);
  }
  int_type uflow() override {
    const int_type c = underflow();
    if (c != traits_type::eof()) ++position_;
    return c;
  }

 private:
  std::string text_;
  std::size_t position_ = 0;
};

// A terminal where the user has typed `typed` so far: reading further would block, and here
// fails instead, so a test can prove that a line is delivered without waiting for the next.
class TerminalBuffer : public std::streambuf {
 public:
  TerminalBuffer(std::string typed, bool buffered) : typed_(std::move(typed)), buffered_(buffered) {}

 protected:
  int_type underflow() override {
    if (position_ >= typed_.size()) throw std::runtime_error("would wait for the user");
    if (buffered_) {
      // Like a terminal read(): everything typed so far arrives at once.
      setg(typed_.data() + position_, typed_.data() + position_, typed_.data() + typed_.size());
      position_ = typed_.size();
      return traits_type::to_int_type(*gptr());
    }
    return traits_type::to_int_type(typed_[position_]);
  }
  int_type uflow() override {
    if (buffered_) return std::streambuf::uflow();
    const int_type c = underflow();
    ++position_;
    return c;
  }

 private:
  std::string typed_;
  bool buffered_;
  std::size_t position_ = 0;
};

// `size` bytes of `fill`, then `tail`, without holding the whole input in memory.
class GeneratedBuffer : public std::streambuf {
 public:
  GeneratedBuffer(std::uint64_t size, char fill, std::string tail)
      : remaining_(size), block_(64 * 1024, fill), tail_(std::move(tail)) {}

 protected:
  int_type underflow() override {
    if (remaining_ > 0) {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, block_.size()));
      remaining_ -= n;
      setg(block_.data(), block_.data(), block_.data() + n);
      return traits_type::to_int_type(block_[0]);
    }
    if (!tail_done_ && !tail_.empty()) {
      tail_done_ = true;
      setg(tail_.data(), tail_.data(), tail_.data() + tail_.size());
      return traits_type::to_int_type(tail_[0]);
    }
    return traits_type::eof();
  }

 private:
  std::uint64_t remaining_;
  std::string block_;
  std::string tail_;
  bool tail_done_ = false;
};

// Delivers its text, then fails as a disk or network error would.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (delivered_) throw std::runtime_error("device error");
    delivered_ = true;
    setg(text_.data(), text_.data(), text_.data() + text_.size());
    return traits_type::to_int_type(text_[0]);
  }

 private:
  std::string text_;
  bool delivered_ = false;
};

}  // namespace embedtool::testing
