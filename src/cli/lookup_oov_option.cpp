#include "lookup_oov_option.h"

#include <string>
#include <utility>
#include <vector>

#include "plain_checks.h"

namespace embedtool::cli {

void add_oov_option(CLI::App& command, std::optional<OovPolicy>& policy) {
  const std::vector<std::pair<std::string, OovPolicy>> policies = {
      {"error", OovPolicy::error}, {"skip", OovPolicy::skip},       {"zero", OovPolicy::zero},
      {"unk", OovPolicy::unk},     {"subword", OovPolicy::subword}};
  std::vector<std::string> names;
  for (const auto& [name, value] : policies) names.push_back(name);
  // The option's value is the name; restrict_to refuses any other in words.
  CLI::Option* option = command.add_option_function<std::string>(
      "--oov",
      [&policy, policies](const std::string& name) {
        for (const auto& [known, value] : policies)
          if (known == name) policy = value;
      },
      "A word not in the vocabulary: error (name it, go on, exit 1 at the end), skip (with a "
      "warning), zero (a zero vector), unk (the row of id 1) or subword (the mean of its "
      "character n-grams' rows, as fastText gives: the default for a fastText .bin model)");
  restrict_to(option, names)->default_str("error, or subword for a fastText .bin");
}

}  // namespace embedtool::cli
