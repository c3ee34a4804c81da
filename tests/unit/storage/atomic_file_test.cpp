#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <thread>

#include "embedtool/storage/atomic_file.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

TEST_CASE("commit makes the new content visible at once") {
  ScratchFolder folder;
  const std::string path = folder.file("out.txt");
  write_text_file(path, "old");
  {
    AtomicFileWriter writer(path);
    writer.write(std::string_view("new "));
    writer.write(std::string_view("content"));
    CHECK(read_text_file(path) == "old");  // nothing visible before commit
    // The temporary file has no name (O_TMPFILE) or a hidden one next to the target.
    auto names = folder.names();
    REQUIRE(!names.empty());
    REQUIRE(names.size() <= 2);
    if (names.size() == 2) CHECK(names[0].rfind(".out.txt.tmp.", 0) == 0);
    writer.commit();
  }
  CHECK(read_text_file(path) == "new content");
  CHECK(folder.names() == std::vector<std::string>{"out.txt"});
}

TEST_CASE("without commit the target is untouched and the temporary file removed") {
  ScratchFolder folder;
  SUBCASE("no old file") {
    { AtomicFileWriter writer(folder.file("out.txt")); writer.write(std::string_view("data")); }
    CHECK(folder.names().empty());
  }
  SUBCASE("an old file") {
    write_text_file(folder.file("out.txt"), "old");
    try {
      AtomicFileWriter writer(folder.file("out.txt"));
      writer.write(std::string_view("half of the"));
      throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    CHECK(read_text_file(folder.file("out.txt")) == "old");
    CHECK(folder.names() == std::vector<std::string>{"out.txt"});
  }
}

TEST_CASE("a target in a folder that does not exist") {
  ScratchFolder folder;
  const std::string path = folder.file("missing/out.txt");
  check_message(error_of([&] { AtomicFileWriter writer(path); }),
                {"cannot write " + path, "No such file or directory"});
  check_message(error_of([&] { write_file_atomically(path, {}); }), {"cannot write " + path});
  CHECK(folder.names().empty());
}

TEST_CASE("a read-only folder keeps its old file") {
  ScratchFolder folder;
  const std::string path = folder.file("out.txt");
  write_text_file(path, "old");
  REQUIRE(::chmod(folder.path().c_str(), 0555) == 0);
  if (::geteuid() == 0) {
    MESSAGE("skipped: running as root, where folder permissions do not stop writes");
  } else {
    check_message(error_of([&] { write_file_atomically(path, {}); }),
                  {"cannot write " + path, "Permission denied"});
    CHECK(read_text_file(path) == "old");
    CHECK(folder.names() == std::vector<std::string>{"out.txt"});
  }
  ::chmod(folder.path().c_str(), 0755);
}

TEST_CASE("a rename that fails removes the temporary file") {
  ScratchFolder folder;
  const std::string path = folder.file("taken");
  std::filesystem::create_directory(path);
  write_text_file(folder.file("taken/inside"), "x");  // a non-empty folder cannot be replaced
  {
    AtomicFileWriter writer(path);
    writer.write(std::string_view("data"));
    check_message(error_of([&] { writer.commit(); }), {"cannot replace " + path});
  }
  CHECK(folder.names() == std::vector<std::string>{"taken"});
}

TEST_CASE("a write error blocks the commit") {
  ScratchFolder folder;
  const std::string path = folder.file("out.txt");
  AtomicFileWriter writer(path);
  {
    FileSizeLimit limit(10);
    check_message(error_of([&] { writer.write(std::string_view("more than ten bytes")); }),
                  {"cannot write " + path + ": File too large"});
  }
  check_message(error_of([&] { writer.commit(); }), {"an earlier write failed"});
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("file permissions") {
  ScratchFolder folder;
  SUBCASE("a new file gets the usual mode for new files") {
    mode_t mask = ::umask(022);
    ::umask(mask);
    write_file_atomically(folder.file("new.txt"), {});
    struct stat status {};
    REQUIRE(::stat(folder.file("new.txt").c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == (0666 & ~mask));
  }
  SUBCASE("a replaced file keeps its mode") {
    write_text_file(folder.file("kept.txt"), "old");
    REQUIRE(::chmod(folder.file("kept.txt").c_str(), 0640) == 0);
    write_file_atomically(folder.file("kept.txt"), {});
    struct stat status {};
    REQUIRE(::stat(folder.file("kept.txt").c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0640);
  }
}

TEST_CASE("a device or a FIFO is written to, never replaced") {
  ScratchFolder folder;
  SUBCASE("/dev/null stays the device") {
    write_file_atomically("/dev/null", std::as_bytes(std::span<const char>("data", 4)));
    struct stat after {};
    REQUIRE(::stat("/dev/null", &after) == 0);
    CHECK(S_ISCHR(after.st_mode));
  }
  SUBCASE("a FIFO gets the bytes and stays a FIFO") {
    const std::string fifo = folder.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
      std::ifstream in(fifo, std::ios::binary);
      received.assign(std::istreambuf_iterator<char>(in), {});
    });
    write_file_atomically(fifo, std::as_bytes(std::span<const char>("through", 7)));
    reader.join();
    CHECK(received == "through");
    struct stat after {};
    REQUIRE(::stat(fifo.c_str(), &after) == 0);
    CHECK(S_ISFIFO(after.st_mode));
    CHECK(folder.names() == std::vector<std::string>{"pipe"});
  }
}

TEST_CASE("check_writable leaves nothing behind and never opens a FIFO") {
  ScratchFolder folder;
  SUBCASE("a new file in a folder that exists") {
    AtomicFileWriter::check_writable(folder.file("out.txt"));
    CHECK(folder.names().empty());
  }
  SUBCASE("an old file stays as it was") {
    write_text_file(folder.file("out.txt"), "old");
    AtomicFileWriter::check_writable(folder.file("out.txt"));
    CHECK(read_text_file(folder.file("out.txt")) == "old");
    CHECK(folder.names() == std::vector<std::string>{"out.txt"});
  }
  SUBCASE("a folder that does not exist") {
    const std::string path = folder.file("missing/out.txt");
    check_message(error_of([&] { AtomicFileWriter::check_writable(path); }),
                  {"cannot write " + path, "No such file or directory"});
  }
  SUBCASE("a FIFO without a reader: opening it would wait for one") {
    const std::string fifo = folder.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    AtomicFileWriter::check_writable(fifo);  // returns at once
    CHECK(folder.names() == std::vector<std::string>{"pipe"});
  }
}
