#pragma once
// How evaluations ask a model with character n-gram rows for the vector of a word it lacks: a
// function of the word, nullopt when the model has none to give (no n-gram rows, or none of the
// word's n-grams kept a row).
#include <functional>
#include <optional>
#include <string_view>

#include "embedtool/model.h"

namespace embedtool {

using SubwordVectorOf = std::function<std::optional<Eigen::RowVectorXf>(std::string_view)>;

}  // namespace embedtool
