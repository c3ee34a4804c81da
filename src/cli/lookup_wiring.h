#pragma once
// What the lookup_* runners share between the library and the terminal: the query resolver over
// an opened table, and the problems of unanswered queries, logged on stderr as they happen and
// turned into the exit status at the end.
#include <cstddef>
#include <span>
#include <string>

#include "embedtool/query/query_problem.h"
#include "embedtool/query/query_resolver.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool::cli {

// Standard input's name in messages: lookup reads its queries there when given no arguments.
inline const std::string kStdinName = "<stdin>";

// Finds words in `table`; `model_name` names it in messages.
QueryResolver table_resolver(const VectorTable& table, const std::string& model_name, bool by_id);

class QueryProblemLog {
 public:
  // A warning or an error line on stderr each.
  void report(const QueryProblem& problem);
  void report(std::span<const QueryProblem> problems);
  // Throws ExitStatus{1} if any problem was a failure: each was named already, the status tells
  // scripts about them.
  void exit_if_failed() const;

 private:
  std::size_t failures_ = 0;
};

}  // namespace embedtool::cli
