#include "help_format.h"

#include <set>
#include <sstream>

namespace embedtool::cli {

namespace {

// CLI11 writes a flag's value after its name in braces (`--no-lowercase{false}`).
std::string without_braces(const std::string& text) {
  std::string plain;
  bool inside = false;
  for (const char c : text) {
    if (c == '{') inside = true;
    if (!inside) plain += c;
    if (c == '}') inside = false;
  }
  return plain;
}

// CLI11 appends each validator's description to the type name after a colon (`INT:INT in [1 -
// 1000]`); the type alone is the label.
std::string value_label(const CLI::Option* option) {
  if (!option->get_option_text().empty()) return option->get_option_text();
  const std::string type = option->get_type_name();
  const std::string base = type.substr(0, type.find(':'));
  // CLI11's C++ type names read as jargon in a shell: a count or an id is N, a real number X.
  if (base == "INT" || base == "UINT") return "N";
  if (base == "FLOAT") return "X";
  return base;
}

std::string option_names(const std::set<CLI::Option*>& options) {
  std::string names;
  for (const CLI::Option* other : options) names += (names.empty() ? "" : ", ") + other->get_name();
  return names;
}

}  // namespace

std::string HelpFormatter::make_option_name(const CLI::Option* option, bool is_positional) const {
  return without_braces(CLI::Formatter::make_option_name(option, is_positional));
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_type_size() == 0) return {};  // a flag takes no value
  std::ostringstream out;
  const std::string label = value_label(option);
  if (!label.empty()) out << " " << label;
  if (!option->get_default_str().empty()) out << "=" << option->get_default_str();
  if (option->get_expected_max() == CLI::detail::expected_max_vector_size) out << " ...";
  if (option->get_required()) out << " (required)";
  return out.str();
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  std::string description = option->get_description();
  const std::set<CLI::Option*> needs = option->get_needs();
  const std::set<CLI::Option*> excludes = option->get_excludes();
  if (!needs.empty()) description += " (needs " + option_names(needs) + ")";
  if (!excludes.empty()) description += " (not with " + option_names(excludes) + ")";
  return description;
}

std::shared_ptr<CLI::Formatter> make_help_formatter() { return std::make_shared<HelpFormatter>(); }

}  // namespace embedtool::cli
