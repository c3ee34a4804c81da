#include "embedtool/formats/output_file.h"

#include <cerrno>
#include <cstdio>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 20;

}  // namespace

OutputFile::OutputFile(const std::string& path)
    : display_name_(path == "-" ? "<stdout>" : path) {
  if (path != "-") file_ = std::make_unique<AtomicFileWriter>(path);
  buffer_.reserve(kBufferBytes);
}

void OutputFile::write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() > kBufferBytes) write_buffer();
  if (bytes.size() >= kBufferBytes) {
    // Large pieces (a matrix chunk) go straight through.
    if (file_) {
      file_->write(bytes);
    } else if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      throw Error("cannot write to standard output: " + errno_text(errno));
    }
    return;
  }
  buffer_.append(bytes);
}

void OutputFile::write(std::span<const std::byte> bytes) {
  write(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

void OutputFile::write_buffer() {
  if (buffer_.empty()) return;
  if (file_) {
    file_->write(buffer_);
  } else if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) {
    throw Error("cannot write to standard output: " + errno_text(errno));
  }
  buffer_.clear();
}

void OutputFile::flush() {
  write_buffer();
  if (!file_ && std::fflush(stdout) != 0) {
    throw Error("cannot write to standard output: " + errno_text(errno));
  }
}

void OutputFile::commit() {
  write_buffer();
  if (file_) {
    file_->commit();
  } else if (std::fflush(stdout) != 0) {
    throw Error("cannot write to standard output: " + errno_text(errno));
  }
}

}  // namespace embedtool
