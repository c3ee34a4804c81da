#pragma once
// The two kinds of failure a user can see. Both carry a one-line message that the CLI prints as
// "embedtool: error: <message>"; the CLI maps Error to exit status 1 and UsageError to 2.
// Messages name the place (file, line, byte) where one is known, and may end in a hint.
#include <stdexcept>
#include <string>

namespace embedtool {

// A run that could not complete: unreadable file, corrupt model, invalid input text, ...
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line or settings file asks for something impossible (a value out of range, ...).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace embedtool
