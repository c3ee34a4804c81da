#include "embedtool/text/input_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "embedtool/errors.h"

namespace embedtool {

InputFile::InputFile(const std::string& path) {
  if (path == "-") {
    stream_ = &std::cin;
    display_name_ = "<stdin>";
    return;
  }
  display_name_ = path;
  std::error_code ignored;
  // An ifstream "opens" a directory and then fails on the first read with no reason given.
  if (std::filesystem::is_directory(path, ignored)) {
    throw Error("cannot read " + path + ": it is a directory");
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw Error("cannot open " + path + ": " + std::strerror(errno));
  owned_ = std::move(file);
  stream_ = owned_.get();
}

}  // namespace embedtool
