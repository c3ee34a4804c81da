#include "command_path.h"

namespace embedtool::cli {

std::string command_path(const CLI::App& command) {
  if (command.get_parent() == nullptr) return "";  // the program itself
  std::string path = command.get_name();
  for (const CLI::App* parent = command.get_parent();
       parent != nullptr && parent->get_parent() != nullptr; parent = parent->get_parent())
    path = parent->get_name() + " " + path;
  return path;
}

std::vector<CLI::App*> all_commands(CLI::App& app) {
  std::vector<CLI::App*> commands;
  for (CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(command);
    for (CLI::App* nested : all_commands(*command)) commands.push_back(nested);
  }
  return commands;
}

const CLI::App* deepest_chosen_command(const CLI::App& app) {
  const CLI::App* deepest = nullptr;
  for (const CLI::App* level = &app;;) {
    const auto chosen = level->get_subcommands();
    if (chosen.empty()) return deepest;
    deepest = level = chosen.front();
  }
}

}  // namespace embedtool::cli
