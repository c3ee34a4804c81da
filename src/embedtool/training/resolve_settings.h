#pragma once
// Where the settings a user asked for become the ones a run trains with, once: "auto" replaced
// by the head it picks, the architecture's default learning rate filled in. The trainer, the
// model's metadata and checkpoints all take the result, so none of them picks again (and a
// resumed run reads the choice back instead of making it anew for a vocabulary that may differ).
#include <cstddef>
#include <optional>
#include <string>

#include "embedtool/training/train_settings.h"

namespace embedtool {

struct ResolvedSettings {
  TrainSettings settings;   // loss: a registered head; learning_rate and output_dim: set
  std::string loss_reason;  // one sentence for the log: which head, and why
};

// `asked` must have passed validate(). `classes`: how many classes the head predicts (the
// vocabulary's words). `init_dim`: the size of the vectors E starts from (--init), which an
// unset output_dim takes; kDefaultOutputDim without them.
ResolvedSettings resolve_settings(const TrainSettings& asked, std::size_t classes,
                                  std::optional<std::size_t> init_dim = std::nullopt);

// True when `settings` came from resolve_settings (or a checkpoint that stored them so).
bool is_resolved(const TrainSettings& settings);

}  // namespace embedtool
