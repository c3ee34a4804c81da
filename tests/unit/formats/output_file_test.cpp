// OutputFile, the one place a command's output goes: flush() passes on what is buffered without
// ending the output, so a file still appears only, complete, on commit().
#include "embedtool/formats/output_file.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

TEST_CASE("flushing a file output keeps it hidden until commit") {
  const ScratchFolder folder;
  const std::string path = folder.file("out.txt");
  OutputFile out(path);
  CHECK(out.display_name() == path);
  out.write(std::string_view("first\n"));
  out.flush();
  out.write(std::string_view("second\n"));
  out.flush();
  CHECK_FALSE(std::filesystem::exists(path));
  out.commit();
  CHECK(read_text_file(path) == "first\nsecond\n");
  CHECK(folder.names() == std::vector<std::string>{"out.txt"});  // no temporary file left
}

TEST_CASE("standard output is named for messages") {
  OutputFile out("-");
  CHECK(out.display_name() == "<stdout>");
  out.commit();  // nothing written: nothing to flush but stdio's buffer
}
