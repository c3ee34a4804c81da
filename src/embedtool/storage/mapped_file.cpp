#include "embedtool/storage/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <utility>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile() {
    if (fd_ > STDERR_FILENO) ::close(fd_);
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

std::vector<std::byte> read_to_end(int fd, std::size_t size_hint, const std::string& name) {
  // One spare byte lets the final read see EOF without growing a large buffer.
  std::vector<std::byte> bytes(size_hint + 1 > (std::size_t{1} << 16) ? size_hint + 1
                                                                       : std::size_t{1} << 16);
  std::size_t used = 0;
  while (true) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot read " + name + ": " + errno_text(errno));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  bytes.resize(used);
  return bytes;
}

}  // namespace

MappedFile::MappedFile(const std::string& path, Access access)
    : display_name_(path == "-" ? "<stdin>" : path) {
  const int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot open " + path + ": " + errno_text(errno));
  OpenFile file(fd);

  struct stat status {};
  if (::fstat(fd, &status) != 0) throw Error("cannot read " + display_name_ + ": " + errno_text(errno));
  // open() succeeds on a folder; say so now rather than fail on the first read.
  if (S_ISDIR(status.st_mode)) throw Error("cannot open " + path + ": " + errno_text(EISDIR));

  if (S_ISREG(status.st_mode) && status.st_size > 0) {
    const auto size = static_cast<std::size_t>(status.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      mapping_ = mapping;
      mapped_size_ = size;
      bytes_ = std::span(static_cast<const std::byte*>(mapping), size);
      // Only a hint: a failure changes the speed, never the result.
      (void)::madvise(mapping, size, access == Access::random ? MADV_RANDOM : MADV_SEQUENTIAL);
      return;
    }
    // Some file systems cannot map (e.g. some FUSE mounts): read instead.
  }
  const std::size_t hint = S_ISREG(status.st_mode) ? static_cast<std::size_t>(status.st_size) : 0;
  owned_ = read_to_end(fd, hint, display_name_);
  bytes_ = owned_;
}

MappedFile::~MappedFile() { unmap(); }

MappedFile::MappedFile(MappedFile&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)),
      mapped_size_(std::exchange(other.mapped_size_, 0)),
      owned_(std::move(other.owned_)),
      bytes_(mapping_ != nullptr ? std::exchange(other.bytes_, {}) : std::span<const std::byte>(owned_)),
      display_name_(std::move(other.display_name_)) {
  other.bytes_ = {};
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    unmap();
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapped_size_ = std::exchange(other.mapped_size_, 0);
    owned_ = std::move(other.owned_);
    bytes_ = mapping_ != nullptr ? other.bytes_ : std::span<const std::byte>(owned_);
    other.bytes_ = {};
    display_name_ = std::move(other.display_name_);
  }
  return *this;
}

void MappedFile::unmap() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = nullptr;
  mapped_size_ = 0;
}

void MappedFile::will_read(std::span<const std::byte> range, Access access) const {
  if (mapping_ == nullptr || range.empty()) return;
  // madvise takes page-aligned starts; the mapping itself starts at a page.
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(range.data()) / page * page;
  const auto end = reinterpret_cast<std::uintptr_t>(range.data() + range.size());
  (void)::madvise(reinterpret_cast<void*>(start), end - start,
                  access == Access::random ? MADV_RANDOM : MADV_SEQUENTIAL);
}

}  // namespace embedtool
