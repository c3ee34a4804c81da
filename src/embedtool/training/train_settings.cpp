#include "embedtool/training/train_settings.h"

#include <cmath>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/number_text.h"

namespace embedtool {

void validate(const TrainSettings& settings) {
  if (settings.output_dim < 1) throw UsageError("--output-dim must be at least 1 (got 0)");
  if (settings.window < 1)
    throw UsageError("--window must be at least 1 (got " + std::to_string(settings.window) + ")");
  if (settings.epochs < 1)
    throw UsageError("--epochs must be at least 1 (got " + std::to_string(settings.epochs) + ")");
  if (!(settings.learning_rate > 0) || !std::isfinite(settings.learning_rate))
    throw UsageError("--lr must be a positive finite number (got " +
                     number_text(settings.learning_rate) + ")");
}

}  // namespace embedtool
