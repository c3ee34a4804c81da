#pragma once
// Reading JSON that embedtool wrote (a checkpoint's state, a model's metadata) without trusting
// it: every access goes through here, so that a missing key or a value of the wrong type becomes
// one Error naming the key and the file, never an nlohmann exception.
#include <optional>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "embedtool/errors.h"

namespace embedtool {

class JsonReader {
 public:
  // Errors read `prefix` + what is wrong + `suffix`, e.g. "run.ckpt is not a usable checkpoint: "
  // + "no \"epochs\"".
  explicit JsonReader(std::string prefix, std::string suffix = "")
      : prefix_(std::move(prefix)), suffix_(std::move(suffix)) {}

  const nlohmann::json& at(const nlohmann::json& object, const char* key) const {
    if (!object.is_object() || !object.contains(key)) fail(std::string("no \"") + key + "\"");
    return object.at(key);
  }
  template <typename T>
  T get(const nlohmann::json& object, const char* key) const {
    const nlohmann::json& value = at(object, key);
    try {
      if constexpr (std::is_unsigned_v<T> && !std::is_same_v<T, bool>) {
        if (!value.is_number_unsigned()) fail(std::string("\"") + key + "\" is not a count");
      }
      if constexpr (std::is_same_v<T, bool>) {
        if (!value.is_boolean()) fail(std::string("\"") + key + "\" is not true or false");
      }
      if constexpr (std::is_same_v<T, std::string>) {
        if (!value.is_string()) fail(std::string("\"") + key + "\" is not a string");
      }
      return value.get<T>();
    } catch (const nlohmann::json::exception&) {
      fail(std::string("\"") + key + "\" has the wrong type");
    }
  }
  // null: unset.
  template <typename T>
  std::optional<T> get_optional(const nlohmann::json& object, const char* key) const {
    if (at(object, key).is_null()) return std::nullopt;
    return get<T>(object, key);
  }
  // A missing key keeps `fallback` (for keys older files did not write).
  template <typename T>
  T get_or(const nlohmann::json& object, const char* key, T fallback) const {
    if (!object.is_object() || !object.contains(key)) return fallback;
    return get<T>(object, key);
  }
  [[noreturn]] void fail(const std::string& why) const { throw Error(prefix_ + why + suffix_); }

 private:
  std::string prefix_;
  std::string suffix_;
};

}  // namespace embedtool
