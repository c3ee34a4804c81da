#pragma once
// Writes a file so that readers only ever see the old content or the complete new content:
// data goes to a temporary file in the same folder, which is flushed, fsync'ed and renamed over
// the target on commit(). Without commit() (an exception, an early return) the temporary file is
// removed and the target is untouched.
//
// On Linux the temporary file has no name until commit() (O_TMPFILE), so a process killed while
// writing (SIGKILL, power loss) leaves nothing behind; it is named ".<name>.tmp.XXXXXX" only for
// the moment between its fsync and the rename. Where O_TMPFILE or /proc is missing, the file has
// that name from the start, and a killed writer leaves it behind: such files are incomplete
// and safe to delete.
//
// A target that exists and is neither a regular file nor a folder (/dev/null, /dev/stdout, a
// FIFO) is opened and written directly: there is nothing to replace atomically.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

class AtomicFileWriter {
 public:
  // Throws Error if the temporary file cannot be created (missing folder, no permission, ...).
  explicit AtomicFileWriter(std::string target_path);
  ~AtomicFileWriter();

  // Throws the Error the constructor would, without leaving anything behind: for checking an
  // output path before hours of work. A device or FIFO is only checked for write permission,
  // not opened: opening a FIFO waits for a reader, and closing it again would end that
  // reader's input before the real output came.
  static void check_writable(const std::string& target_path);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Throws Error on a write failure (disk full, ...).
  void write(std::span<const std::byte> bytes);
  void write(std::string_view text);

  // Flushes, fsyncs, renames over the target and fsyncs the folder. Throws Error on failure.
  void commit();

 private:
  void name_unnamed_file();

  std::string target_path_;
  std::string name_;  // the target's file name, without its folder
  std::string temp_path_;
  bool temp_named_ = false;  // temp_path_ exists on disk (and must be removed unless committed)
  std::string folder_;  // where the rename happens; fsync'ed after it
  int fd_ = -1;
  bool committed_ = false;
  bool write_failed_ = false;  // a failed write may have left a partial file: never commit it
  bool direct_ = false;        // writing straight to a device or FIFO (no temporary file)
};

// Convenience: writes `bytes` to `path` atomically.
void write_file_atomically(const std::string& path, std::span<const std::byte> bytes);

}  // namespace embedtool
