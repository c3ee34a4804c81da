#include "embedtool/cluster/launcher.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "embedtool/errors.h"

namespace embedtool {
namespace {

// Sizes the launchers set for each process: Open MPI's mpirun, and the PMI of MPICH's and Intel
// MPI's Hydra and of Slurm's srun --mpi=pmi2. A size of 1 is no job to join.
constexpr const char* kSizeVariables[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"};

std::string executable_folder() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string(".") : self.parent_path().string();
}

std::string plugin_path() {
  if (const char* chosen = std::getenv("EMBEDTOOL_MPI_PLUGIN"); chosen && *chosen) return chosen;
  return executable_folder() + "/libembedtool_mpi.so";
}

}  // namespace

std::optional<std::string> launcher_variable() {
  for (const char* name : kSizeVariables) {
    const char* value = std::getenv(name);
    if (value && *value && std::string_view(value) != "1") return std::string(name) + "=" + value;
  }
  return std::nullopt;
}

std::unique_ptr<RankGroup> join_launched_job() {
  const std::optional<std::string> launched = launcher_variable();
  if (!launched) return nullptr;
#ifndef EMBEDTOOL_HAS_MPI
  throw Error("started by an MPI launcher (" + *launched +
              ") but this embedtool was built without MPI, so every process would train alone; "
              "rebuild it with MPI's headers installed (Debian: libopenmpi-dev)");
#else
  const std::string path = plugin_path();
  // Kept loaded for the life of the process: MPI's own threads run code from it.
  void* plugin = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!plugin)
    throw Error("started by an MPI launcher (" + *launched + ") but the MPI plugin cannot be "
                "loaded: " + dlerror() + " (it is built next to embedtool; EMBEDTOOL_MPI_PLUGIN "
                "names another path)");
  auto* version = reinterpret_cast<RankGroupPluginVersion*>(
      dlsym(plugin, "embedtool_mpi_plugin_version"));
  auto* join = reinterpret_cast<RankGroupPluginJoin*>(dlsym(plugin, "embedtool_mpi_join"));
  if (!version || !join || version() != kRankGroupPluginVersion)
    throw Error(path + " is not the MPI plugin of this embedtool (rebuild both together)");
  char error[512] = "";
  RankGroup* group = join(error, sizeof error);
  if (!group) throw Error(std::string("cannot join the MPI job: ") + error);
  return std::unique_ptr<RankGroup>(group);
#endif
}

}  // namespace embedtool
