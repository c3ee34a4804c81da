#include "lookup_oov_option.h"

#include <map>
#include <string>

namespace embedtool::cli {

void add_oov_option(CLI::App& command, std::optional<OovPolicy>& policy) {
  const std::map<std::string, OovPolicy> policies = {{"error", OovPolicy::error},
                                                     {"skip", OovPolicy::skip},
                                                     {"zero", OovPolicy::zero},
                                                     {"unk", OovPolicy::unk},
                                                     {"subword", OovPolicy::subword}};
  command
      .add_option_function<std::string>(
          "--oov", [&policy, policies](const std::string& name) { policy = policies.at(name); },
          "A word not in the vocabulary: error (name it, go on, exit 1 at the end), skip (with a "
          "warning), zero (a zero vector), unk (the row of id 1) or subword (the mean of its "
          "character n-grams' rows, as fastText gives: the default for a fastText .bin model)")
      ->check(CLI::IsMember(policies))
      ->option_text("error|skip|zero|unk|subword")
      ->default_str("error, or subword for a fastText .bin");
}

}  // namespace embedtool::cli
