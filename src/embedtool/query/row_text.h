#pragma once
// The numbers of lookup's text outputs (text, tsv, json): by default each float32 prints as the
// shortest decimal that reads back as the same float (vector_text.h), so nothing is lost; a
// precision P shortens that to P significant digits (printf's %.Pg) for smaller files.
#include <optional>
#include <string>
#include <string_view>

#include <Eigen/Core>

namespace embedtool {

// Significant digits, or nullopt for the shortest round-trip text.
using Precision = std::optional<int>;

void append_number(std::string& out, float value, Precision precision);

// Each component of `row`, preceded by `separator` (a space for word2vec text, a tab for tsv).
void append_numbers(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row,
                    char separator, Precision precision);

// `row` as a JSON array. JSON has no NaN or infinity: those components print as null, so the
// line stays valid JSON and the position of every other component is kept.
void append_json_array(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row,
                       Precision precision);

// `text` as a JSON string literal. Bytes that are not valid UTF-8 (an unknown query word can
// hold any bytes) become U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

}  // namespace embedtool
