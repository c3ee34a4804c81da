// The ANN index file against docs/FORMAT.md: the writer gives the bytes the hand-built file has,
// the header reads back, the links read in place, and a sound file verifies.
#include <doctest/doctest.h>

#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/ann_graph_view.h"
#include "embedtool/storage/ann_verify.h"
#include "hand_built_ann.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace ann_file_test {

// The hand-built index as the library's in-memory graph.
AnnGraph hand_graph() {
  const HandBuiltAnn hand;
  AnnGraph graph;
  graph.model = {hand.rows, hand.dims, hand.dtype, hand.matrix_crc, hand.norms_crc};
  graph.parameters = {hand.links, hand.links0, hand.ef_construction, hand.ef_search};
  graph.nodes = hand.nodes;
  graph.entry_point = hand.entry_point;
  graph.top_level = hand.top_level;
  graph.level0 = hand.level0;
  graph.upper_index = hand.upper_index;
  graph.upper_lists = hand.upper_lists;
  return graph;
}

const AnnModelIdentity kHandModel = hand_graph().model;

std::vector<std::uint32_t> values(std::span<const std::uint32_t> links) { return {links.begin(), links.end()}; }


TEST_CASE("the writer follows the documented layout byte for byte") {
  CHECK(encode_ann_file(hand_graph()) == HandBuiltAnn{}.build());
}

TEST_CASE("the header reads back") {
  const auto bytes = HandBuiltAnn{}.build();
  const AnnFileHeader header = decode_ann_header(bytes, "model.emb.ann");
  CHECK(header.version == 1);
  CHECK(header.file_size == bytes.size());
  CHECK(header.model == kHandModel);
  CHECK(header.parameters.links == 2);
  CHECK(header.parameters.links0 == 4);
  CHECK(header.parameters.ef_construction == 10);
  CHECK(header.parameters.ef_search == 8);
  CHECK(header.top_level == 1);
  CHECK(header.entry_point == 4);
  CHECK(header.nodes == 5);
  CHECK(header.level0.offset == 192);
  CHECK(header.level0.size == 7 * 5 * 4);
  CHECK(header.upper_index.offset % 64 == 0);
  CHECK(header.upper_lists.offset % 64 == 0);
}

TEST_CASE("links are read in place") {
  const auto bytes = HandBuiltAnn{}.build();
  const AnnGraphView graph(bytes, decode_ann_header(bytes, "model.emb.ann"), "model.emb.ann");
  CHECK(graph.rows() == 7);
  CHECK(graph.entry_point() == 4);
  CHECK(values(graph.links(2)) == std::vector<std::uint32_t>{3, 4});
  CHECK(values(graph.links(6)) == std::vector<std::uint32_t>{4, 5});
  CHECK(graph.links(0).empty());
  CHECK(values(graph.links(2, 1)) == std::vector<std::uint32_t>{4});
  CHECK(values(graph.links(4, 1)) == std::vector<std::uint32_t>{2});
  check_message(error_of([&] { graph.links(3, 1); }),
                {"model.emb.ann is damaged: row 3 is reached on level 1 but has no upper levels",
                 "`embedtool verify`"});
  check_message(error_of([&] { graph.links(4, 2); }), {"row 4 is reached on level 2 but its record says level 1"});
}

TEST_CASE("a sound index verifies, and names the model it was built over") {
  const auto bytes = HandBuiltAnn{}.build();
  CHECK(find_ann_problems(bytes, "model.emb.ann", kHandModel, "model.emb").empty());
  AnnModelIdentity rewritten = kHandModel;
  rewritten.matrix_crc32 = 0x33333333;
  const auto problems = find_ann_problems(bytes, "model.emb.ann", rewritten, "model.emb");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] ==
        "model.emb.ann is the ANN index of another version of model.emb (the model's matrix has "
        "changed since: checksum 0x33333333, the index was built over 0x11111111): rebuild it with "
        "`embedtool index --ann model.emb`, delete it, or search without it with --exact");
}

TEST_CASE("an index is refused for a model it was not built over") {
  const AnnFileHeader header = decode_ann_header(HandBuiltAnn{}.build(), "m.emb.ann");
  const auto refusal = [&](AnnModelIdentity model) {
    return error_of([&] { check_ann_matches_model(header, model, "m.emb.ann", "m.emb"); });
  };
  check_ann_matches_model(header, kHandModel, "m.emb.ann", "m.emb");  // no throw
  AnnModelIdentity other = kHandModel;
  other.rows = 8;
  check_message(refusal(other), {"m.emb.ann is the ANN index of another version of m.emb",
                                 "it has 7 x 3 rows, the model 8 x 3", "--exact"});
  other = kHandModel;
  other.dtype = 1;
  check_message(refusal(other), {"built over float32 rows, the model has float16 rows"});
  other = kHandModel;
  other.norms_crc32 = 0;
  check_message(refusal(other), {"the model's row norms have changed since: checksum 0x00000000"});
}

TEST_CASE("an index file's name is the model's with .ann added") {
  CHECK(ann_index_path("models/en.emb") == "models/en.emb.ann");
}

}  // namespace ann_file_test
