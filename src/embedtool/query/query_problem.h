#pragma once
// A lookup query that gets no answer, as the command reports it on stderr: one line each, as it
// happens, so the answers that could be given still are. A warning means the query was skipped on
// purpose (--oov skip); a failure makes the command end with status 1.
#include <string>

namespace embedtool {

struct QueryProblem {
  std::string message;  // one line, without "error:" or "warning:"
  bool failure = true;  // false: a warning, the query was skipped
};

}  // namespace embedtool
