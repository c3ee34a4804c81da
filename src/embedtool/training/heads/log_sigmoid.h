#pragma once
// log σ(x) = −log(1 + e^−x), written as −(max(−x, 0) + log(1 + e^−|x|)) so that it is finite
// for every finite x (the plain form overflows e^−x for large negative x). The per-class
// probabilities of ns and the path probabilities of hs are products of such factors.
#include <algorithm>
#include <cmath>

namespace embedtool {

inline double log_sigmoid(double x) { return -(std::max(-x, 0.0) + std::log1p(std::exp(-std::abs(x)))); }

}  // namespace embedtool
