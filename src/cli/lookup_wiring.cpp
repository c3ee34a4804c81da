#include "lookup_wiring.h"

#include <spdlog/spdlog.h>

#include "exit_status.h"

namespace embedtool::cli {

QueryResolver table_resolver(const VectorTable& table, const std::string& model_name, bool by_id) {
  return QueryResolver([&table](std::string_view word) { return table.id_of(word); }, table.rows(),
                       model_name, by_id);
}

void QueryProblemLog::report(const QueryProblem& problem) {
  if (problem.failure) {
    spdlog::error(problem.message);
    ++failures_;
  } else {
    spdlog::warn(problem.message);
  }
}

void QueryProblemLog::report(std::span<const QueryProblem> problems) {
  for (const QueryProblem& problem : problems) report(problem);
}

void QueryProblemLog::exit_if_failed() const {
  if (failures_ > 0) throw ExitStatus{1};
}

}  // namespace embedtool::cli
