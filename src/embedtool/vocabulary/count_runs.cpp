#include "embedtool/vocabulary/count_runs.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <queue>

#include "embedtool/errors.h"

namespace embedtool {
namespace {

// A record: u32 word length, the word's bytes, u64 count, u64 first_seen, in this machine's
// byte order (the file lives only as long as the process that wrote it).
void write_record(std::FILE* file, const CountedWord& counted) {
  const auto size = static_cast<std::uint32_t>(counted.word.size());
  std::array<std::byte, 4> length{};
  std::memcpy(length.data(), &size, sizeof size);
  std::array<std::byte, 16> numbers{};
  std::memcpy(numbers.data(), &counted.count, 8);
  std::memcpy(numbers.data() + 8, &counted.first_seen, 8);
  if (std::fwrite(length.data(), 1, length.size(), file) != length.size() ||
      std::fwrite(counted.word.data(), 1, counted.word.size(), file) != counted.word.size() ||
      std::fwrite(numbers.data(), 1, numbers.size(), file) != numbers.size())
    throw Error(std::string("cannot write the word counts to a temporary file: ") +
                std::strerror(errno) + " (is the disk of the temporary folder full?)");
}

// One run being read, from its file or from memory: its current record.
struct RunReader {
  std::FILE* file = nullptr;
  const std::vector<CountedWord>* in_memory = nullptr;
  std::size_t next_in_memory = 0;
  std::string word;
  std::uint64_t count = 0;
  std::uint64_t first_seen = 0;

  // False at the end of the run.
  bool next() {
    if (in_memory) {
      if (next_in_memory == in_memory->size()) return false;
      const CountedWord& counted = (*in_memory)[next_in_memory++];
      word.assign(counted.word);
      count = counted.count;
      first_seen = counted.first_seen;
      return true;
    }
    std::array<std::byte, 4> length{};
    const std::size_t got = std::fread(length.data(), 1, length.size(), file);
    if (got == 0 && std::feof(file)) return false;
    std::uint32_t size = 0;
    std::memcpy(&size, length.data(), sizeof size);
    word.resize(size);
    std::array<std::byte, 16> numbers{};
    if (got != length.size() || std::fread(word.data(), 1, word.size(), file) != word.size() ||
        std::fread(numbers.data(), 1, numbers.size(), file) != numbers.size())
      throw Error("cannot read back the word counts from a temporary file");
    std::memcpy(&count, numbers.data(), 8);
    std::memcpy(&first_seen, numbers.data() + 8, 8);
    return true;
  }
};

std::FILE* new_run_file() {
  std::FILE* file = std::tmpfile();
  if (file == nullptr)
    throw Error(std::string("cannot create a temporary file for the word counts: ") +
                std::strerror(errno));
  return file;
}

void finish_run_file(std::FILE* file) {
  if (std::fflush(file) != 0)
    throw Error(std::string("cannot write the word counts to a temporary file: ") +
                std::strerror(errno));
}

// Calls `each` once per distinct word of the runs in `files` and of `in_memory` (if given),
// in ascending byte order, with the counts summed and the earliest first appearance.
void merge_runs(const std::vector<std::FILE*>& files, const std::vector<CountedWord>* in_memory,
                const std::function<void(const CountedWord&)>& each) {
  std::vector<RunReader> readers(files.size() + (in_memory != nullptr ? 1 : 0));
  for (std::size_t r = 0; r < files.size(); ++r) {
    std::rewind(files[r]);
    readers[r].file = files[r];
  }
  if (in_memory != nullptr) readers.back().in_memory = in_memory;
  // The runs whose current word is smallest come out first.
  const auto later = [&readers](std::size_t a, std::size_t b) {
    return readers[a].word > readers[b].word;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> front(later);
  for (std::size_t r = 0; r < readers.size(); ++r)
    if (readers[r].next()) front.push(r);
  std::string word;
  while (!front.empty()) {
    word = readers[front.top()].word;
    CountedWord merged{word, 0, UINT64_MAX};
    while (!front.empty() && readers[front.top()].word == word) {
      const std::size_t r = front.top();
      front.pop();
      merged.count += readers[r].count;
      merged.first_seen = std::min(merged.first_seen, readers[r].first_seen);
      if (readers[r].next()) front.push(r);
    }
    each(merged);
  }
}

}  // namespace

void CountRuns::write_run(const std::vector<CountedWord>& sorted) {
  File file(new_run_file());
  for (const CountedWord& counted : sorted) write_record(file.get(), counted);
  finish_run_file(file.get());
  ++runs_written_;
  add_run(0, std::move(file));
}

void CountRuns::add_run(std::size_t level, File run) {
  if (levels_.size() <= level) levels_.resize(level + 1);
  levels_[level].push_back(std::move(run));
  if (levels_[level].size() < kFanIn) return;
  File merged(new_run_file());
  std::vector<std::FILE*> files;
  for (const File& file : levels_[level]) files.push_back(file.get());
  merge_runs(files, nullptr, [&merged](const CountedWord& counted) { write_record(merged.get(), counted); });
  finish_run_file(merged.get());
  levels_[level].clear();  // closed, and so removed
  add_run(level + 1, std::move(merged));
}

std::size_t CountRuns::open_files() const {
  std::size_t open = 0;
  for (const std::vector<File>& level : levels_) open += level.size();
  return open;
}

void CountRuns::merge(const std::vector<CountedWord>& in_memory,
                      const std::function<void(const CountedWord&)>& each) const {
  std::vector<std::FILE*> files;
  for (const std::vector<File>& level : levels_)
    for (const File& file : level) files.push_back(file.get());
  merge_runs(files, &in_memory, each);
}

}  // namespace embedtool
