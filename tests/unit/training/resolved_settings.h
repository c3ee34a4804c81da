#pragma once
// The trainer takes settings validated and resolved, as train_model hands them over; tests that
// call it directly make them so with this.
#include "embedtool/training/resolve_settings.h"
#include "embedtool/training/train_settings.h"

namespace embedtool {

inline TrainSettings resolved(const TrainSettings& asked, std::size_t classes) {
  validate(asked);
  RunFacts facts;
  facts.classes = classes;
  return resolve_settings(asked, facts).settings;
}

}  // namespace embedtool
