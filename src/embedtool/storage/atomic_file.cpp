#include "embedtool/storage/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <random>
#include <stdexcept>

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

struct FolderAndName {
  std::string folder;
  std::string name;
};

FolderAndName split_path(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

// ".model.emb.tmp.k3J9xQ": hidden, next to the target (rename only works within one file
// system) and recognizable as ours if a crash ever leaves one behind.
std::string random_temp_path(const std::string& target_path, const std::string& name) {
  static constexpr char kLetters[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kLetters - 2);
  std::string suffix(6, ' ');
  for (char& c : suffix) c = kLetters[pick(random)];
  std::string prefix = target_path.substr(0, target_path.size() - name.size());
  return prefix + "." + name + ".tmp." + suffix;
}

std::string proc_fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// A file without a name in `folder` (Linux O_TMPFILE), or -1 where the file system or kernel
// cannot make one. Such a file disappears by itself when the process dies, even by SIGKILL, so
// an interrupted write leaves nothing behind. It gets its name at commit, through /proc.
int open_unnamed_file(const std::string& folder) {
#ifdef O_TMPFILE
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return -1;
  if (::access(proc_fd_path(fd).c_str(), F_OK) != 0) {  // no /proc: no way to name it later
    ::close(fd);
    return -1;
  }
  return fd;
#else
  (void)folder;
  return -1;
#endif
}

constexpr int kNameAttempts = 100;

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string target_path) : target_path_(std::move(target_path)) {
  FolderAndName parts = split_path(target_path_);
  folder_ = parts.folder;
  name_ = parts.name;
  if (name_.empty() || name_ == "." || name_ == "..") {
    throw Error("cannot write " + target_path_ + ": not a file name");
  }
  // A device or a FIFO (-o /dev/null, -o /dev/stdout, a pipe) is written as it is: renaming a
  // file over it would replace /dev/null with a regular file (as root), and a reader could never
  // see a half-written device anyway.
  struct stat target {};
  if (::stat(target_path_.c_str(), &target) == 0 && !S_ISREG(target.st_mode) &&
      !S_ISDIR(target.st_mode)) {
    fd_ = ::open(target_path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error("cannot write " + target_path_ + ": " + errno_text(errno));
    direct_ = true;
    return;
  }
  fd_ = open_unnamed_file(folder_);
  // Where there is no unnamed file, a named one. Not mkstemp: it creates files with mode 0600,
  // while a model should get the usual 0666 minus umask like any other new file. O_EXCL gives
  // the same no-clobber guarantee.
  for (int attempt = 0; attempt < kNameAttempts && fd_ < 0; ++attempt) {
    temp_path_ = random_temp_path(target_path_, name_);
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && errno != EEXIST) {
      throw Error("cannot write " + target_path_ + ": cannot create a temporary file in " +
                  folder_ + ": " + errno_text(errno));
    }
    temp_named_ = fd_ >= 0;
  }
  if (fd_ < 0) {
    throw Error("cannot write " + target_path_ + ": cannot create a temporary file in " + folder_ +
                ": every name tried exists");
  }
  // Replacing a file keeps its permissions, as editing it in place would.
  struct stat existing {};
  if (::stat(target_path_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    (void)::fchmod(fd_, existing.st_mode & 07777);  // best effort: the content matters more
  }
}

void AtomicFileWriter::check_writable(const std::string& target_path) {
  struct stat target {};
  if (::stat(target_path.c_str(), &target) == 0 && !S_ISREG(target.st_mode) &&
      !S_ISDIR(target.st_mode)) {
    if (::access(target_path.c_str(), W_OK) != 0)
      throw Error("cannot write " + target_path + ": " + errno_text(errno));
    return;
  }
  AtomicFileWriter probe(target_path);  // its temporary file goes with it, the target untouched
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && temp_named_) ::unlink(temp_path_.c_str());
}

void AtomicFileWriter::name_unnamed_file() {
  // rename() needs a name to move; linkat cannot replace an existing target by itself.
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    temp_path_ = random_temp_path(target_path_, name_);
    if (::linkat(AT_FDCWD, proc_fd_path(fd_).c_str(), AT_FDCWD, temp_path_.c_str(),
                 AT_SYMLINK_FOLLOW) == 0) {
      temp_named_ = true;
      return;
    }
    if (errno != EEXIST) {
      throw Error("cannot write " + target_path_ + ": cannot name the temporary file: " +
                  errno_text(errno));
    }
  }
  throw Error("cannot write " + target_path_ + ": cannot name the temporary file: every name tried exists");
}

void AtomicFileWriter::write(std::span<const std::byte> bytes) {
  if (fd_ < 0) throw std::logic_error("AtomicFileWriter::write after commit()");
  // Linux transfers at most about 2 GiB per call, and any write may be partial: loop.
  constexpr std::size_t kMaxPerCall = std::size_t{1} << 30;
  const std::byte* next = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t written = ::write(fd_, next, std::min(left, kMaxPerCall));
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      write_failed_ = true;
      int error = written < 0 ? errno : EIO;
      throw Error("cannot write " + target_path_ + ": " + errno_text(error));
    }
    next += written;
    left -= static_cast<std::size_t>(written);
  }
}

void AtomicFileWriter::write(std::string_view text) {
  write(std::as_bytes(std::span<const char>(text.data(), text.size())));
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw std::logic_error("AtomicFileWriter::commit called twice");
  if (write_failed_) {
    throw Error("cannot write " + target_path_ + ": an earlier write failed, the file is incomplete");
  }
  if (direct_) {
    const int fd = fd_;
    fd_ = -1;
    committed_ = true;
    if (::close(fd) != 0) throw Error("cannot write " + target_path_ + ": " + errno_text(errno));
    return;
  }
  // Data must be on disk before the rename makes it visible, or a crash could leave the target
  // name pointing at an empty file.
  if (::fsync(fd_) != 0) throw Error("cannot write " + target_path_ + ": " + errno_text(errno));
  // Only from here to the rename can a killed process leave a (complete) temporary file behind.
  if (!temp_named_) name_unnamed_file();
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw Error("cannot write " + target_path_ + ": " + errno_text(errno));
  if (::rename(temp_path_.c_str(), target_path_.c_str()) != 0) {
    throw Error("cannot replace " + target_path_ + ": " + errno_text(errno));
  }
  committed_ = true;
  // The rename itself lives in the folder; without this fsync a crash may undo it.
  int folder = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0) {
    throw Error("wrote " + target_path_ + " but cannot open its folder to sync it: " +
                errno_text(errno));
  }
  int synced = ::fsync(folder);
  int error = errno;
  ::close(folder);
  // EINVAL: a file system that cannot sync folders; the rename is as durable as it gets there.
  if (synced != 0 && error != EINVAL) {
    throw Error("wrote " + target_path_ + " but cannot sync its folder: " + errno_text(error));
  }
}

void write_file_atomically(const std::string& path, std::span<const std::byte> bytes) {
  AtomicFileWriter writer(path);
  writer.write(bytes);
  writer.commit();
}

}  // namespace embedtool
