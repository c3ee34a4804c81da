#pragma once
// Word counts spilled to disk by a WordCounter that outgrew its memory limit: each run is one
// table's counts, sorted by word, in an anonymous temporary file (removed when closed, whatever
// ends the process). merge() reads all runs at once, a word at a time in byte order, summing
// each word's counts and keeping its earliest first appearance: the counts of one table that
// never spilled.
//
// Runs are merged in levels, as they come: kFanIn runs of one level become one run of the next
// (the same merge, written to a new file), so at most kFanIn - 1 files per level stay open, and
// each count is rewritten once per level, about log16 of the runs. A tiny memory limit spills
// every few words; keeping every run open had then ended in "Too many open files".
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

  // Runs written by write_run, merged or not.
  std::uint64_t runs_written() const { return runs_written_; }
  // Temporary files open now.
  std::size_t open_files() const;

  // Runs of one level merged into one run of the next.
  static constexpr std::size_t kFanIn = 16;

  // Calls `each` once per distinct word of all runs and of `in_memory` (one more run, sorted as
  // write_run wants it, that was never written), in ascending byte order; the view is valid
  // during the call only. Throws Error on a read failure.
  void merge(const std::vector<CountedWord>& in_memory,
             const std::function<void(const CountedWord&)>& each) const;

 private:
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  using File = std::unique_ptr<std::FILE, FileCloser>;
  // Adds a run at `level`, merging that level into the next when it is full.
  void add_run(std::size_t level, File run);

  std::vector<std::vector<File>> levels_;  // [level]: its runs, none of them full levels
  std::uint64_t runs_written_ = 0;
};

}  // namespace embedtool
