#include "embedtool/training/resolve_settings.h"

#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/loss_choice.h"

namespace embedtool {

ResolvedSettings resolve_settings(const TrainSettings& asked, std::size_t classes,
                                  std::optional<std::size_t> init_dim) {
  ResolvedSettings resolved{asked, {}};
  LossChoice loss = choose_loss(asked.loss, classes);
  resolved.settings.loss = std::move(loss.loss);
  resolved.loss_reason = std::move(loss.reason);
  resolved.settings.learning_rate = learning_rate_of(asked);
  resolved.settings.output_dim = asked.output_dim.value_or(init_dim.value_or(kDefaultOutputDim));
  return resolved;
}

bool is_resolved(const TrainSettings& settings) {
  return find_head_kind(settings.loss) != nullptr && settings.learning_rate.has_value() &&
         settings.output_dim.has_value();
}

}  // namespace embedtool
