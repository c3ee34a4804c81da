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
std::string random_temp_path(const std::string& target_path, const FolderAndName& parts) {
  static constexpr char kLetters[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kLetters - 2);
  std::string suffix(6, ' ');
  for (char& c : suffix) c = kLetters[pick(random)];
  std::string prefix = target_path.substr(0, target_path.size() - parts.name.size());
  return prefix + "." + parts.name + ".tmp." + suffix;
}

}  // namespace

AtomicFileWriter::AtomicFileWriter(std::string target_path) : target_path_(std::move(target_path)) {
  FolderAndName parts = split_path(target_path_);
  folder_ = parts.folder;
  if (parts.name.empty() || parts.name == "." || parts.name == "..") {
    throw Error("cannot write " + target_path_ + ": not a file name");
  }
  // Not mkstemp: it creates files with mode 0600, while a model should get the usual 0666 minus
  // umask like any other new file. O_EXCL gives the same no-clobber guarantee.
  constexpr int kAttempts = 100;
  for (int attempt = 0; attempt < kAttempts && fd_ < 0; ++attempt) {
    temp_path_ = random_temp_path(target_path_, parts);
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && errno != EEXIST) {
      throw Error("cannot write " + target_path_ + ": cannot create a temporary file in " +
                  folder_ + ": " + errno_text(errno));
    }
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

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_path_.c_str());
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
  // Data must be on disk before the rename makes it visible, or a crash could leave the target
  // name pointing at an empty file.
  if (::fsync(fd_) != 0) throw Error("cannot write " + target_path_ + ": " + errno_text(errno));
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
