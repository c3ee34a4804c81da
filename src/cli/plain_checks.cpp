#include "plain_checks.h"

#include <algorithm>

namespace embedtool::cli {

std::string words_with_or(const std::vector<std::string>& words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " or " : ", ";
    text += words[i];
  }
  return text;
}

CLI::Option* restrict_to_names(CLI::Option* option, const std::vector<std::string>& names,
                               const std::vector<std::string>& values) {
  const std::string choices = words_with_or(names);
  CLI::Validator validator(
      [names, values, choices](std::string& text) -> std::string {
        const auto found = std::find(names.begin(), names.end(), text);
        if (found == names.end()) return "must be " + choices + ", not \"" + text + "\"";
        text = values[static_cast<std::size_t>(found - names.begin())];
        return {};
      },
      "", "choices");
  std::string label;
  for (const std::string& name : names) label += (label.empty() ? "" : "|") + name;
  return option->transform(validator)->option_text(label);
}

std::string plain_number(long double value) {
  char text[64];
  if (value == std::floor(value) && std::fabs(value) < 1e19L)
    std::snprintf(text, sizeof text, "%.0Lf", value);
  else
    std::snprintf(text, sizeof text, "%Lg", value);
  return text;
}

}  // namespace embedtool::cli
