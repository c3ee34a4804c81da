#pragma once
// Turns a lookup query (a word, or a row number with --ids) into a row of E, or into the one-line
// reason it has none. Shared by every kind of lookup so that they all say the same thing.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct ResolvedQuery {
  std::optional<WordId> id;
  std::string problem;  // why there is no id; empty when there is one
  bool out_of_vocabulary = false;  // a word the vocabulary lacks (the --oov policy applies)
};

class QueryResolver {
 public:
  using IdOf = std::function<std::optional<WordId>(std::string_view)>;
  // `id_of` finds a word's row; `rows` is the number of rows of E; `model_name` names the model
  // in messages.
  QueryResolver(IdOf id_of, std::uint64_t rows, std::string model_name, bool by_id);

  ResolvedQuery resolve(const std::string& query) const;
  // Queries are row numbers (--ids), not words.
  bool by_id() const { return by_id_; }

 private:
  std::string suggestion_for(const std::string& query) const;

  IdOf id_of_;
  std::uint64_t rows_;
  std::string model_name_;
  bool by_id_;
};

}  // namespace embedtool
