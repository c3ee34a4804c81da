#pragma once
// Turns the rows of a foreign vector file into an EmbeddingModel.
//
// Foreign files have no reserved rows, while a model's rows 0 and 1 are <pad> and <unk>: the
// builder puts two zero rows first, so the file's first word gets id 2. The exception is a file
// whose first two words are "<pad>" and "<unk>" (embedtool writes .npy files that way, so that
// ids index the array directly): those two rows are the model's rows 0 and 1, values kept.
// A word may appear only once. Counts are 0 unless the file has them (a word list with counts).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "embedtool/formats/vector_format.h"
#include "embedtool/model.h"

namespace embedtool {

class ForeignModelBuilder {
 public:
  // The longest vectors read (train makes at most 65,536 numbers per row). Throws Error above.
  static constexpr std::uint64_t kMaxDims = std::uint64_t{1} << 20;

  // `max_entries`: the most rows the file can give (its header's count, or a bound). `limit`:
  // keep only the first N words. `place_of_entry` names where entry k (0-based) is in the file,
  // e.g. "line 7", for error messages.
  ForeignModelBuilder(std::uint64_t max_entries, std::uint64_t dims,
                      std::optional<std::uint64_t> limit, std::string source_name,
                      std::function<std::string(std::uint64_t)> place_of_entry);

  // Adds the next entry and returns where its `dims` values go. Throws Error naming both places
  // if `word` repeats an earlier entry's word.
  float* add(std::string word, std::uint64_t count = 0);

  // True once the limit of words is reached: the reader should stop.
  bool full() const;
  // Entries added so far (reserved rows included).
  std::uint64_t added() const { return added_; }

  // The model. Its metadata records where it came from: {"converted_from": {"format": ...,
  // "file": ...}}.
  EmbeddingModel finish(VectorFormat format);

 private:
  float* add_word(std::string word, std::uint64_t count);
  void keep_pending_padding_as_word();
  std::uint64_t entry_of_row(WordId row) const;

  EmbeddingModel model_;
  std::optional<std::uint64_t> limit_;
  std::string source_name_;
  std::function<std::string(std::uint64_t)> place_of_entry_;
  std::uint64_t added_ = 0;
  Eigen::Index next_row_ = static_cast<Eigen::Index>(kReservedIds);
  bool padding_pending_ = false;  // entry 0 was "<pad>": reserved rows if entry 1 is "<unk>"
  bool reserved_in_file_ = false;
  std::vector<float> discarded_;  // where the values of a word past the limit go
};

}  // namespace embedtool
