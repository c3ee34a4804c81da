#pragma once
// The cosine similarity of two rows of E, as lookup --similarity prints it and the word-similarity
// evaluation ranks it.
#include <Eigen/Core>

namespace embedtool {

// Computed in double from the float32 rows, so that it is exact to float precision whatever
// their length and near-equal similarities rank the same on every build. A zero row has cosine
// 0 with everything (it has no direction); a row holding NaN gives NaN, not a made-up score.
double cosine(const Eigen::Ref<const Eigen::RowVectorXf>& a,
              const Eigen::Ref<const Eigen::RowVectorXf>& b);

}  // namespace embedtool
