#pragma once
// The trainer's random numbers: xoshiro256** seeded through splitmix64. Our own generator rather
// than <random>'s distributions, whose output differs between standard libraries: the same seed
// must give the same model on every platform.
#include <array>
#include <cstdint>

namespace embedtool {

class Random {
 public:
  using State = std::array<std::uint64_t, 4>;

  explicit Random(std::uint64_t seed) {
    // splitmix64 spreads any seed (0 included) over the 256-bit state, as xoshiro's authors advise.
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      word = z ^ (z >> 31);
    }
  }

  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1): the top 24 bits fill a float's mantissa exactly.
  float next_unit_float() { return static_cast<float>(next_u64() >> 40) * 0x1.0p-24f; }

  // Uniform in [0, bound) by multiply-and-shift (Lemire). The bias, at most bound / 2^64, is far
  // below anything training could notice, so no rejection loop is needed.
  std::uint64_t next_below(std::uint64_t bound) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next_u64()) * bound) >> 64);
  }

  // The whole generator, for checkpoints: a generator given back its state() draws the same
  // numbers from there on. An all-zero state is the one xoshiro cannot leave; valid_state()
  // lets a reader refuse it.
  const State& state() const { return state_; }
  void set_state(const State& state) { state_ = state; }
  static bool valid_state(const State& state) {
    return (state[0] | state[1] | state[2] | state[3]) != 0;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  State state_;
};

}  // namespace embedtool
