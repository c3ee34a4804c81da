#pragma once
// Every head a model can be trained with, by the name the command line, the model metadata and
// checkpoints use ("softmax", "ns", "hs", "ova"). Adding a head is one line in head_registry.cpp
// that names its file's entry; the CLI's --loss choices, validation and the memory estimate all
// come from here.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/training/head.h"

namespace embedtool {

struct HeadKind {
  std::string_view name;
  // One line for --help: what the head computes and when to take it.
  std::string_view summary;
  // Whether predict gives one distribution over the classes (softmax, hs: the loss of a target
  // is exactly −log of its prediction) or an independent probability per class (ns, ova).
  bool predicts_distribution;
  // The head's size for `classes` classes on `threads` threads (no table is built).
  HeadShape (*shape)(std::size_t classes, int threads);
  // The shared part of a run's heads. Throws Error when the counts do not suit the head.
  std::unique_ptr<HeadFamily> (*make_family)(const HeadOptions& options);
};

// Every registered head, in the order --help lists them.
std::span<const HeadKind> head_kinds();

// The head called `name`, or nullptr.
const HeadKind* find_head_kind(std::string_view name);

// The names of every head, in order: {"softmax", "ns", "hs", "ova"}.
std::vector<std::string> head_names();

}  // namespace embedtool
