#include "settings_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "command_line_check.h"
#include "command_path.h"
#include "embedtool/errors.h"
#include "embedtool/text/input_file.h"

namespace embedtool::cli {

namespace {

// CLI11 takes every value as text and converts it with the option's own type, so a wrong type
// ("window": "wide") is reported by the option that rejects it, in CLI11's words.
std::string scalar_to_text(const std::string& key, const nlohmann::json& value,
                           const std::string& path) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  throw UsageError("settings key \"" + key + "\" in " + path +
                   " must be a number, string, boolean or list of those, not " +
                   value.type_name());
}

// "; did you mean output_dim?" for "output_dims", "dim" or "outputDim", in the file's spelling.
std::string key_hint(const CLI::App& command, const std::string& key) {
  const auto guess = guess_option(command, key);
  if (!guess || guess->name == "--config" || guess->name == "--help") return "";
  std::string ours = guess->name.substr(2);
  std::replace(ours.begin(), ours.end(), '-', '_');
  return "; did you mean " + ours + (guess->whose.empty() ? "" : " (" + guess->whose + ")") + "?";
}

std::string read_text(const std::string& path) {
  try {
    InputFile input(path);
    return {std::istreambuf_iterator<char>(input.stream()), std::istreambuf_iterator<char>()};
  } catch (const Error& error) {
    // A settings file that is not there is a mistake on the command line: status 2.
    throw UsageError(error.what());
  }
}

}  // namespace

std::vector<Setting> parse_settings(const std::string& text, const std::string& path) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    // Not only parse_error: a number too large for a double is an out_of_range (found by
    // fuzz/fuzz_settings_json). nlohmann's message says where: "at line 3, column 7: ...".
    std::string reason = error.what();
    const std::size_t at = reason.find(']');
    if (at != std::string::npos) reason = reason.substr(at + 2);
    throw UsageError(path + " is not valid JSON: " + reason);
  }
  if (!root.is_object()) {
    throw UsageError(path + " must hold a JSON object of settings, not " +
                     std::string(root.type_name()));
  }
  std::vector<Setting> settings;
  for (const auto& [key, value] : root.items()) {
    Setting setting{key, {}};
    if (value.is_array()) {
      for (const auto& element : value) setting.values.push_back(scalar_to_text(key, element, path));
    } else if (!value.is_null()) {
      setting.values.push_back(scalar_to_text(key, value, path));
    }
    settings.push_back(std::move(setting));
  }
  return settings;
}

void apply_settings_file(CLI::App& command, const std::string& path) {
  for (const Setting& setting : parse_settings(read_text(path), path)) {
    std::string name = setting.key;
    std::replace(name.begin(), name.end(), '_', '-');
    CLI::Option* option = command.get_option_no_throw("--" + name);
    if (option == nullptr || name == "config" || name == "help") {
      throw UsageError("unknown settings key \"" + setting.key + "\" in " + path + " for `" +
                       command_path(command) + "`" + key_hint(command, setting.key) +
                       " (config.example.json lists the keys of train)");
    }
    // null (no values) means "not set"; an option given on the command line wins.
    if (setting.values.empty() || option->count() > 0) continue;
    if (option->get_expected_min() == 0) {
      // A flag: "false" for --lowercase must mean off, and for --no-lowercase on.
      if (setting.values.size() != 1) {
        throw UsageError("settings key \"" + setting.key + "\" takes one value");
      }
      option->add_result(option->get_flag_value(name, setting.values.front()));
    } else {
      option->add_result(setting.values);
    }
    option->run_callback();
  }
}

void add_settings_file_option(CLI::App& command) {
  CLI::App* owner = &command;
  command
      .add_option_function<std::string>(
          "--config", [owner](const std::string& path) { apply_settings_file(*owner, path); },
          "Read settings from a JSON file (keys as in config.example.json); flags override it")
      ->option_text("FILE.json");
}

}  // namespace embedtool::cli
