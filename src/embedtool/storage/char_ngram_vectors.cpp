#include "embedtool/storage/char_ngram_vectors.h"

#include "embedtool/errors.h"

namespace embedtool {

Eigen::RowVectorXf char_ngram_mean(const Eigen::RowVectorXf* own_row, std::string_view word,
                                   CharNgramRange range, std::uint64_t buckets,
                                   std::uint64_t dims, const AddBucketRow& add_bucket_row) {
  Eigen::RowVectorXf sum = Eigen::RowVectorXf::Zero(static_cast<Eigen::Index>(dims));
  std::uint64_t count = 0;
  if (own_row != nullptr) {
    sum += *own_row;
    ++count;
  }
  if (buckets > 0) {
    for_each_char_ngram(word, range, [&](std::string_view ngram) {
      if (add_bucket_row(fasttext_hash(ngram) % buckets, sum)) ++count;
    });
  }
  if (count > 0) sum *= static_cast<float>(1.0 / static_cast<double>(count));
  return sum;
}

CharNgramRange char_ngram_range_of(const nlohmann::json& metadata, const std::string& source) {
  const auto field = [&](const char* key) -> std::uint32_t {
    const auto found = metadata.is_object() ? metadata.find(key) : metadata.end();
    if (found == metadata.end() || !found->is_number_unsigned())
      throw Error(source + " has character n-gram rows but no \"" + key +
                  "\" in its metadata, so they cannot be addressed");
    const auto value = found->get<std::uint64_t>();
    if (value > 1000)
      throw Error(source + "'s metadata has \"" + key + "\" " + std::to_string(value) +
                  ", more than any n-gram length");
    return static_cast<std::uint32_t>(value);
  };
  const CharNgramRange range{field("minn"), field("maxn")};
  if (range.minn < 1 || range.minn > range.maxn)
    throw Error(source + "'s metadata has \"minn\" " + std::to_string(range.minn) +
                " and \"maxn\" " + std::to_string(range.maxn) +
                ": character n-grams need 1 <= minn <= maxn");
  return range;
}

}  // namespace embedtool
