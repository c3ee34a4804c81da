#include "embedtool/plot/map_rows.h"

#include <algorithm>
#include <unordered_set>

#include "embedtool/errors.h"
#include "embedtool/query/query_resolver.h"

namespace embedtool {

namespace {

constexpr std::uint64_t kFirstWordRow = 2;  // after <pad> and <unk>

MapRows read_rows(const VectorTable& table, std::vector<std::string> words,
                  const std::vector<WordId>& ids) {
  MapRows map;
  map.words = std::move(words);
  map.rows.resize(static_cast<Eigen::Index>(ids.size()), static_cast<Eigen::Index>(table.dims()));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Eigen::RowVectorXd row = table.row(ids[i]).cast<double>();
    const double norm = row.norm();
    if (norm > 0) row /= norm;
    map.rows.row(static_cast<Eigen::Index>(i)) = row;
  }
  return map;
}

}  // namespace

MapRows rows_of_words(const VectorTable& table, std::span<const std::string> words,
                      const std::string& model_name) {
  const QueryResolver resolver([&table](std::string_view word) { return table.id_of(word); },
                               table.rows(), model_name, /*by_id=*/false);
  std::unordered_set<std::string> seen;
  std::vector<std::string> chosen;
  std::vector<WordId> ids;
  std::vector<std::string> unknown;
  std::string first_problem;
  for (const std::string& word : words) {
    if (!seen.insert(word).second) continue;
    const ResolvedQuery resolved = resolver.resolve(word);
    if (resolved.id) {
      chosen.push_back(word);
      ids.push_back(*resolved.id);
    } else {
      if (unknown.empty()) first_problem = resolved.problem;
      unknown.push_back(word);
    }
  }
  if (unknown.size() == 1) throw Error(first_problem);
  if (!unknown.empty()) {
    std::string list;
    for (const std::string& word : unknown) list += (list.empty() ? "\"" : ", \"") + word + "\"";
    throw Error(std::to_string(unknown.size()) + " unknown words: " + list +
                " (not in the vocabulary of " + model_name + ")");
  }
  return read_rows(table, std::move(chosen), ids);
}

MapRows first_rows(const VectorTable& table, std::size_t count) {
  const std::uint64_t available = table.rows() > kFirstWordRow ? table.rows() - kFirstWordRow : 0;
  const std::size_t taken = static_cast<std::size_t>(std::min<std::uint64_t>(count, available));
  std::vector<std::string> words;
  std::vector<WordId> ids;
  for (std::size_t i = 0; i < taken; ++i) {
    const auto id = static_cast<WordId>(kFirstWordRow + i);
    words.emplace_back(table.word(id));
    ids.push_back(id);
  }
  return read_rows(table, std::move(words), ids);
}

}  // namespace embedtool
