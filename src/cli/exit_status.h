#pragma once
// Thrown when a command has already reported its problems on stderr (one line each) and only the
// exit status is left to set, e.g. lookup after printing the words it did know.
namespace embedtool::cli {

struct ExitStatus {
  int code;
};

}  // namespace embedtool::cli
