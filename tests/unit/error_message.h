#pragma once
// Shared by the unit tests of every layer: the message of an expected embedtool::Error, so that
// tests can compare whole messages.
#include <doctest/doctest.h>

#include <string>

#include "embedtool/errors.h"

namespace embedtool::unit_test {

// The message of the Error that `action` throws, or "" (and a failed check) if it throws none.
template <typename Action>
std::string error_of(Action&& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  FAIL_CHECK("expected an embedtool::Error");
  return "";
}

}  // namespace embedtool::unit_test
