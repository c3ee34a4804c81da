#pragma once
// Numbers and strings packed into the byte strings that ranks send each other. Every rank runs
// the same binary on the same kind of machine, so numbers go in the host's byte order; strings
// carry their length, since words may hold any byte.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "embedtool/errors.h"

namespace embedtool {

inline void pack_u64(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

inline void pack_string(std::string& out, std::string_view text) {
  pack_u64(out, text.size());
  out.append(text);
}

// Reads what pack_* wrote, in the same order; a short message is a bug, reported as an Error.
class Unpacker {
 public:
  explicit Unpacker(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return at_ == bytes_.size(); }

  std::uint64_t u64() {
    std::uint64_t value = 0;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }

  std::string_view string() { return take(static_cast<std::size_t>(u64())); }

 private:
  std::string_view take(std::size_t length) {
    if (bytes_.size() - at_ < length) throw Error("a message between the MPI ranks was cut short");
    const std::string_view part = bytes_.substr(at_, length);
    at_ += length;
    return part;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace embedtool
