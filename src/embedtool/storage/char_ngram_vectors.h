#pragma once
// Vectors of words from their character n-grams (fastText's subwords), for any model that stores
// n-gram rows: an .emb with "char-ngrams" bucket rows (model.h) or a fastText .bin. Both give a
// word the mean of the rows of its n-grams of "<word>" (text/char_ngrams.h), in fastText's order,
// summed in float32 and scaled by float(1.0 / count) as fastText's Vector::mul does.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "embedtool/text/char_ngrams.h"

namespace embedtool {

// Adds bucket row `bucket` (< the model's buckets) to `sum` and returns true, or returns false
// if the model keeps no row for that bucket (a pruned fastText .ftz): the n-gram is then left
// out of the mean, its count too, as fastText does.
using AddBucketRow = std::function<bool(std::uint64_t bucket, Eigen::RowVectorXf& sum)>;

// The mean of `own_row` (a vocabulary word's own input row; null for a word outside the
// vocabulary) and the bucket rows of the word's n-grams; zero when there is nothing to average
// (a word outside the vocabulary with no n-gram that has a row, as fastText gives).
Eigen::RowVectorXf char_ngram_mean(const Eigen::RowVectorXf* own_row, std::string_view word,
                                   CharNgramRange range, std::uint64_t buckets,
                                   std::uint64_t dims, const AddBucketRow& add_bucket_row);

// Where an .emb's "char-ngrams" bucket rows are addressed: its metadata's "minn" and "maxn"
// (the training settings, settings_json.h). Throws Error naming `source` when they are missing
// or impossible (minn < 1, minn > maxn), since the rows could not be found then.
CharNgramRange char_ngram_range_of(const nlohmann::json& metadata, const std::string& source);

}  // namespace embedtool
