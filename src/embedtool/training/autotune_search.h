#pragma once
// Where `train --autotune-duration` looks next: a random step around the best classifier
// settings found so far, shorter as the time budget runs out (fastText's autotune searches the
// same way: wide at first, then close to its best). Only the settings the user left unset are
// searched; a flag given on the command line stays as given.
//
// The ranges: learning rate 0.01 to 2 (steps by a factor of up to 4, drawn in log space, since
// good rates span decades); epochs 1 to 100 (factor up to 3); vector size along 10, 20, 50, 100,
// 200, 300; word n-grams 1 to 4; buckets 2^10 to 2^22 by factors of 2 (memory grows with
// buckets × size, so the top of both is kept to what a classifier can use).
#include "embedtool/training/random.h"
#include "embedtool/training/train_settings.h"

namespace embedtool {

// Which settings the search may change.
struct AutotuneFreedom {
  bool learning_rate = true;
  bool epochs = true;
  bool output_dim = true;
  bool word_ngrams = true;
  bool buckets = true;

  // Free exactly where `asked` (the settings before resolve_settings) left a setting unset.
  static AutotuneFreedom of(const TrainSettings& asked);
};

// A candidate near `best` (resolved settings). `spent` is the share of the budget used, 0 to 1:
// the steps shrink from the whole range above to a quarter of it. Draws that land on `best` again
// are redrawn (a few times: near a bound a setting may have nowhere to go). When word n-grams
// become free to use buckets that `best` has none of, buckets stay unset for resolve_settings to
// size from the corpus.
TrainSettings next_autotune_candidate(const TrainSettings& best, const AutotuneFreedom& free,
                                      double spent, Random& random);

}  // namespace embedtool
