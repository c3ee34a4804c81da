#include "embedtool/query/query_resolver.h"

#include <charconv>
#include <utility>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

QueryResolver::QueryResolver(IdOf id_of, std::uint64_t rows, std::string model_name, bool by_id)
    : id_of_(std::move(id_of)), rows_(rows), model_name_(std::move(model_name)), by_id_(by_id) {}

ResolvedQuery QueryResolver::resolve(const std::string& query) const {
  if (by_id_) {
    WordId id = -1;
    const auto [end, error] = std::from_chars(query.data(), query.data() + query.size(), id);
    if (error != std::errc() || end != query.data() + query.size()) {
      return {std::nullopt, "not an id: \"" + query + "\"", false};
    }
    if (id < 0 || static_cast<std::uint64_t>(id) >= rows_) {
      return {std::nullopt,
              "id " + query + " is out of range: " + model_name_ + " has ids 0 to " +
                  std::to_string(rows_ - 1),
              false};
    }
    return {id, "", false};
  }
  if (std::optional<WordId> id = id_of_(query)) return {id, "", false};
  return {std::nullopt,
          "unknown word \"" + query + "\" (not in the vocabulary of " + model_name_ + ")" +
              suggestion_for(query),
          true};
}

// The vocabulary holds words as the tokenizer made them (lowercased, without punctuation, by
// default); when the query written that way is known, say so.
std::string QueryResolver::suggestion_for(const std::string& query) const {
  try {
    const std::vector<std::string> tokens = Tokenizer().tokenize(query);
    if (tokens.size() == 1 && tokens.front() != query && id_of_(tokens.front())) {
      return "; did you mean \"" + tokens.front() + "\"?";
    }
  } catch (const Error&) {
    // Not valid UTF-8: no suggestion.
  }
  return "";
}

}  // namespace embedtool
