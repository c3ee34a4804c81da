#include "embedtool/storage/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

// Closes the descriptor on every path out, the error paths included.
class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile() { ::close(fd_); }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::vector<std::byte> read_file_bytes(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot open " + path + ": " + errno_text(errno));
  OpenFile file(fd);

  struct stat status {};
  if (::fstat(fd, &status) != 0) throw Error("cannot read " + path + ": " + errno_text(errno));
  // open() succeeds on a folder; say so now rather than fail on the first read.
  if (S_ISDIR(status.st_mode)) throw Error("cannot open " + path + ": " + errno_text(EISDIR));

  // The size is a hint only (pipes and /proc files report 0, a file may grow): read to EOF.
  // One spare byte lets the final read see EOF without growing a large buffer.
  std::size_t capacity = S_ISREG(status.st_mode) ? static_cast<std::size_t>(status.st_size) + 1
                                                 : std::size_t{1} << 16;
  std::vector<std::byte> bytes(capacity);
  std::size_t used = 0;
  while (true) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot read " + path + ": " + errno_text(errno));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  bytes.resize(used);
  return bytes;
}

}  // namespace embedtool
