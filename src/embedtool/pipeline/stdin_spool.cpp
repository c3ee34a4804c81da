#include "embedtool/pipeline/stdin_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "embedtool/errors.h"

namespace embedtool {

namespace {
void write_all(int fd, const char* data, std::size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot write " + path + ": " + std::strerror(errno));
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}
}  // namespace

StdinSpool::StdinSpool() { spool(STDIN_FILENO, "standard input"); }

StdinSpool::StdinSpool(const std::string& source_path) {
  const int source = ::open(source_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (source < 0) throw Error("cannot read " + source_path + ": " + std::strerror(errno));
  try {
    spool(source, source_path);
  } catch (...) {
    ::close(source);
    throw;
  }
  ::close(source);
}

void StdinSpool::spool(int source_fd, const std::string& source_name) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string pattern = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/embedtool-stdin.XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw Error("cannot create a temporary file " + pattern + ": " + std::strerror(errno));
  path_ = pattern;
  bool closed = false;
  try {
    std::vector<char> buffer(1 << 20);
    for (;;) {
      const ssize_t got = ::read(source_fd, buffer.data(), buffer.size());
      if (got == 0) break;
      if (got < 0) {
        if (errno == EINTR) continue;
        throw Error("cannot read " + source_name + ": " + std::strerror(errno));
      }
      write_all(fd, buffer.data(), static_cast<std::size_t>(got), path_);
    }
    closed = true;
    if (::close(fd) != 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
  } catch (...) {
    if (!closed) ::close(fd);
    ::unlink(path_.c_str());
    throw;
  }
}

StdinSpool::~StdinSpool() { ::unlink(path_.c_str()); }

}  // namespace embedtool
