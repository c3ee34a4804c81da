#pragma once
// The labels of a classifier (`train --supervised`): the classes its head predicts. Label k is
// class k; labels are ordered by count descending, ties by first appearance in the training file
// (as words are), so the most frequent label is class 0. Names keep their prefix
// ("__label__pos"), as fastText prints them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace embedtool {

class LabelSet {
 public:
  // Appends a label as the next class. Throws Error if the name is empty or already present.
  // Callers are responsible for the ordering (count_labels in pipeline/ sorts them).
  std::size_t add(std::string name, std::uint64_t count);

  std::size_t size() const { return names_.size(); }
  bool empty() const { return names_.empty(); }
  // Throws Error if `index` is out of range.
  const std::string& name(std::size_t index) const;
  std::uint64_t count(std::size_t index) const;
  // How often each label occurs, by class: what a head family is built from (head.h).
  std::span<const std::uint64_t> counts() const { return counts_; }
  std::optional<std::size_t> index_of(std::string_view name) const;

  bool operator==(const LabelSet& other) const {
    return names_ == other.names_ && counts_ == other.counts_;
  }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::vector<std::uint64_t> counts_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> indices_;
};

}  // namespace embedtool
