#pragma once
// Before an MPI job counts or trains, every rank must read the same corpus: on a cluster the file
// has to be on storage that all the nodes share, and a path that is local to one node (or a
// different copy on each) would make ranks train on nothing, or on different text, without any
// other sign. Each rank fingerprints the file (corpus_fingerprint.h) and the ranks compare.
#include <string>

#include "embedtool/cluster/rank_group.h"

namespace embedtool {

// Collective. Throws CollectiveError on every rank, naming each rank that cannot read the file
// and why, or that sees other bytes than rank 0.
void check_every_rank_reads(RankGroup& ranks, const std::string& path,
                            const std::string& display_name);

}  // namespace embedtool
