#pragma once
// Word counts spilled to disk by a WordCounter that outgrew its memory limit: each run is one
// table's counts, sorted by word, in an anonymous temporary file (removed when closed, whatever
// ends the process). merge() reads all runs at once, a word at a time in byte order, summing
// each word's counts and keeping its earliest first appearance: the counts of one table that
// never spilled.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

struct CountedWord {
  std::string_view word;
  std::uint64_t count = 0;
  std::uint64_t first_seen = 0;  // order of first appearance in the whole corpus
};

class CountRuns {
 public:
  // `sorted` must be in ascending byte order of word. Throws Error when the temporary file
  // cannot be created or written (a full disk).
  void write_run(const std::vector<CountedWord>& sorted);

  std::size_t size() const { return files_.size(); }

  // Calls `each` once per distinct word of all runs and of `in_memory` (one more run, sorted as
  // write_run wants it, that was never written), in ascending byte order; the view is valid
  // during the call only. Throws Error on a read failure.
  void merge(const std::vector<CountedWord>& in_memory,
             const std::function<void(const CountedWord&)>& each) const;

 private:
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::vector<std::unique_ptr<std::FILE, FileCloser>> files_;
};

}  // namespace embedtool
