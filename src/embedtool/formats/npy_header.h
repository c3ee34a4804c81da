#pragma once
// The header of a numpy .npy file (numpy's NEP 1 "A simple file format for NumPy arrays"):
// the magic "\x93NUMPY", a version, a header length and a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (1000, 300), }
// padded with spaces and ended by "\n". The array's bytes follow it.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace embedtool {

struct NpyHeader {
  std::string descr;  // e.g. "<f4": byte order, kind, item size
  bool fortran_order = false;
  std::vector<std::uint64_t> shape;
  std::size_t data_offset = 0;  // where the array's bytes start
};

// Throws Error naming `source_name` and what is wrong (not an .npy file, an unknown version, a
// header that is not the dict numpy writes).
NpyHeader decode_npy_header(std::span<const std::byte> file, const std::string& source_name);

// A version 1.0 header for a C-order 2-D array of `descr` values, padded so that the data
// starts at a multiple of 64 bytes (as numpy does, for memory mapping).
std::string encode_npy_header(const std::string& descr, std::uint64_t rows, std::uint64_t cols);

// The same for a C-order array of any shape (lookup --batch writes 3-D arrays). A 1-D shape is
// written "(n,)", as in Python.
std::string encode_npy_header(const std::string& descr, std::span<const std::uint64_t> shape);

}  // namespace embedtool
