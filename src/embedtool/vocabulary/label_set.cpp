#include "embedtool/vocabulary/label_set.h"

#include "embedtool/errors.h"

namespace embedtool {

std::size_t LabelSet::add(std::string name, std::uint64_t count) {
  if (name.empty()) throw Error("cannot add an empty label");
  if (indices_.find(name) != indices_.end())
    throw Error("the label '" + name + "' is already in the label set");
  const std::size_t index = names_.size();
  indices_.emplace(name, index);
  names_.push_back(std::move(name));
  counts_.push_back(count);
  return index;
}

const std::string& LabelSet::name(std::size_t index) const {
  if (index >= names_.size())
    throw Error("label " + std::to_string(index) + " is out of range (the model has " +
                std::to_string(names_.size()) + " labels)");
  return names_[index];
}

std::uint64_t LabelSet::count(std::size_t index) const {
  name(index);  // the range check
  return counts_[index];
}

std::optional<std::size_t> LabelSet::index_of(std::string_view name) const {
  const auto found = indices_.find(name);
  if (found == indices_.end()) return std::nullopt;
  return found->second;
}

}  // namespace embedtool
