#include "embedtool/training/heads/head_registry.h"

#include <array>

#include "embedtool/training/heads/hierarchical_softmax_head.h"
#include "embedtool/training/heads/negative_sampling_head.h"
#include "embedtool/training/heads/one_vs_all_head.h"
#include "embedtool/training/heads/softmax_head.h"

namespace embedtool {

std::span<const HeadKind> head_kinds() {
  // Built on first use, after every head file's entry is initialized.
  static const std::array kinds{
      kSoftmaxHeadKind,
      kNegativeSamplingHeadKind,
      kHierarchicalSoftmaxHeadKind,
      kOneVsAllHeadKind,
  };
  return kinds;
}

const HeadKind* find_head_kind(std::string_view name) {
  for (const HeadKind& kind : head_kinds())
    if (kind.name == name) return &kind;
  return nullptr;
}

std::vector<std::string> head_names() {
  std::vector<std::string> names;
  for (const HeadKind& kind : head_kinds()) names.emplace_back(kind.name);
  return names;
}

}  // namespace embedtool
