#include "embedtool/pipeline/ranks_corpus_check.h"

#include "embedtool/cluster/byte_packing.h"
#include "embedtool/errors.h"
#include "embedtool/pipeline/corpus_fingerprint.h"

namespace embedtool {

void check_every_rank_reads(RankGroup& ranks, const std::string& path,
                            const std::string& display_name) {
  std::string mine;
  try {
    const CorpusFingerprint fingerprint = fingerprint_corpus(path, display_name);
    pack_u64(mine, 1);
    pack_u64(mine, fingerprint.size);
    pack_u64(mine, (std::uint64_t{fingerprint.head_crc32} << 32) | fingerprint.tail_crc32);
  } catch (const Error& failure) {
    mine.clear();
    pack_u64(mine, 0);
    pack_string(mine, failure.what());
  }
  const std::vector<std::string> all = ranks.all_gather(mine);

  std::vector<std::string> problems;
  std::uint64_t first_size = 0;
  std::uint64_t first_crcs = 0;
  int first_readable = -1;
  for (std::size_t rank = 0; rank < all.size(); ++rank) {
    Unpacker reader(all[rank]);
    const std::string name = "rank " + std::to_string(rank);
    if (reader.u64() == 0) {
      problems.push_back(name + ": " + std::string(reader.string()));
      continue;
    }
    const std::uint64_t size = reader.u64();
    const std::uint64_t crcs = reader.u64();
    if (first_readable < 0) {
      first_readable = static_cast<int>(rank);
      first_size = size;
      first_crcs = crcs;
    } else if (size != first_size || crcs != first_crcs) {
      problems.push_back(name + " sees other bytes (" + std::to_string(size) +
                         " bytes) than rank " + std::to_string(first_readable) + " (" +
                         std::to_string(first_size) + " bytes)");
    }
  }
  if (problems.empty()) return;
  std::string listed;
  for (const std::string& problem : problems) listed += (listed.empty() ? "" : "; ") + problem;
  throw CollectiveError("every MPI rank must read the same corpus " + display_name + ": " +
                        listed + " (put it on storage that all the nodes share)");
}

}  // namespace embedtool
