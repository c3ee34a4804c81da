#pragma once
// A complete check of an .emb file that reports every problem it finds rather than the first:
// `embedtool verify`. A full load (load_model) checks the same things but stops at the first.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace embedtool {

// One one-line message per problem, in file order; empty if the file is sound. The header says
// where everything else is, so a bad header is the only problem reported. Otherwise each section
// is checked on its own, checksum first and then content, so that damage to the matrix is
// reported even when the vocabulary is damaged too.
std::vector<std::string> find_emb_problems(std::span<const std::byte> file,
                                           const std::string& source_name);

}  // namespace embedtool
