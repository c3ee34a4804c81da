#include "embedtool/formats/npy_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

#include "embedtool/errors.h"
#include "embedtool/formats/npy_header.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace {

constexpr std::size_t kSpoolBufferBytes = 1 << 20;

[[noreturn]] void fail(const std::string& what) {
  const int error = errno;  // before building the message can change it
  throw Error("cannot " + what + " the temporary file for the .npy output: " + errno_text(error));
}

}  // namespace

NpySpool::NpySpool() {
  const char* folder = std::getenv("TMPDIR");
  std::string path = std::string(folder && *folder ? folder : "/tmp") + "/embedtool-npy.XXXXXX";
  fd_ = ::mkstemp(path.data());
  if (fd_ < 0) fail("create (in $TMPDIR or /tmp)");
  ::unlink(path.c_str());  // nameless from now on: removed by the system however we exit
  buffer_.reserve(kSpoolBufferBytes);
}

NpySpool::~NpySpool() {
  if (fd_ >= 0) ::close(fd_);
}

void NpySpool::append(const Eigen::Ref<const Eigen::RowVectorXf>& values) {
  // Native byte order: the header says which (numpy reads either).
  const auto* bytes = reinterpret_cast<const char*>(values.data());
  buffer_.append(bytes, static_cast<std::size_t>(values.size()) * sizeof(float));
  values_ += static_cast<std::uint64_t>(values.size());
  if (buffer_.size() >= kSpoolBufferBytes) flush_buffer();
}

void NpySpool::flush_buffer() {
  std::size_t written = 0;
  while (written < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("write");
    written += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void NpySpool::write_to(OutputFile& out, std::span<const std::uint64_t> shape) {
  std::uint64_t product = 1;
  for (const std::uint64_t dim : shape) product *= dim;
  if (product != values_) throw std::logic_error("NpySpool: shape does not match the values");
  flush_buffer();
  const char* descr = std::endian::native == std::endian::little ? "<f4" : ">f4";
  out.write(encode_npy_header(descr, shape));
  if (::lseek(fd_, 0, SEEK_SET) < 0) fail("rewind");
  std::string block(kSpoolBufferBytes, '\0');
  while (true) {
    const ssize_t n = ::read(fd_, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("read");
    if (n == 0) break;
    out.write(std::string_view(block.data(), static_cast<std::size_t>(n)));
  }
}

}  // namespace embedtool
