#pragma once
// The pieces of lookup's text outputs (text, tsv, json): numbers, rows and JSON strings. By
// default each float32 prints as the shortest decimal that reads back as the same float
// (storage/float_text.h), so nothing is lost; a precision P shortens that to P significant
// digits (printf's %.Pg) for smaller files.
#include <cstdint>
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

// The --header line of a tsv output: the `leading` column names, then one per number of a row,
// v1 to vD (1-based, as people count), then "\n".
std::string tsv_header(std::string_view leading, std::uint64_t dims);

// `row` as a JSON array. JSON has no NaN or infinity: those components print as null, so the
// line stays valid JSON and the position of every other component is kept.
void append_json_array(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row,
                       Precision precision);

// `text` as a JSON string literal. Bytes that are not valid UTF-8 (an unknown query word can
// hold any bytes) become U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

}  // namespace embedtool
