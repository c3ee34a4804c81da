// Hand-built broken ANN index files: each must be refused with one line naming the file, what was
// expected and what was found, before anything the header points to is read; damage inside a
// section is reported by verify, and by a search only as an Error when it meets it.
#include <doctest/doctest.h>

#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/ann_graph_view.h"
#include "embedtool/storage/ann_verify.h"
#include "hand_built_ann.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace ann_corruption_test {

std::string refusal_of(std::span<const std::byte> bytes) {
  return error_of([&] { decode_ann_header(bytes, "model.emb.ann"); });
}

void check_refused(std::span<const std::byte> bytes, std::initializer_list<std::string_view> parts) {
  const std::string message = refusal_of(bytes);
  check_message(message, parts);
  CHECK(message.find("model.emb.ann") != std::string::npos);
}

// A sound file with one header field changed and the header checksum made to match again.
std::vector<std::byte> with_u32(std::size_t at, std::uint32_t value) {
  auto bytes = HandBuiltAnn{}.build();
  put_u32(bytes, at, value);
  HandBuiltAnn::reseal_ann_header(bytes);
  return bytes;
}
std::vector<std::byte> with_u64(std::size_t at, std::uint64_t value) {
  auto bytes = HandBuiltAnn{}.build();
  put_u64(bytes, at, value);
  HandBuiltAnn::reseal_ann_header(bytes);
  return bytes;
}

const AnnModelIdentity kModel = {7, 3, 0, 0x11111111, 0x22222222};

// verify's problems with a hand-built index whose sections' checksums were made to match.
std::vector<std::string> problems_of(const HandBuiltAnn& hand) {
  return find_ann_problems(hand.build(), "model.emb.ann", kModel, "model.emb");
}

void check_one_problem(const HandBuiltAnn& hand, std::initializer_list<std::string_view> parts) {
  const auto problems = problems_of(hand);
  REQUIRE(problems.size() == 1);
  check_message(problems[0], parts);
}



TEST_CASE("a file that is not an ANN index") {
  check_refused({}, {"model.emb.ann is not an embedtool ANN index (the file is empty)"});
  const std::string text = "hello world, just some text\n";
  check_refused(std::as_bytes(std::span(text)),
                {"not an embedtool ANN index (bad magic: expected 89 45 4d 42 41 4e 4e 0a, found 68 65 6c 6c 6f 20 77 6f)"});
  auto model = HandBuiltEmb{}.build();
  check_refused(model, {"not an embedtool ANN index (bad magic", "found 89 45 4d 42 "});
  const auto five = HandBuiltAnn{}.build();
  check_refused(std::span(five).first(5), {"bad magic", "found 89 45 4d 42 41)"});
}

TEST_CASE("versions this reader does not know") {
  check_refused(with_u32(ann_field::kVersion, 2),
                {"model.emb.ann was written by ANN index format version 2; this embedtool reads version 1",
                 "embedtool index --ann"});
  SUBCASE("a newer version is named even if its header is shorter than ours") {
    auto bytes = HandBuiltAnn{}.build();
    bytes.resize(12);
    put_u32(bytes, ann_field::kVersion, 9);
    check_refused(bytes, {"ANN index format version 9"});
  }
  check_refused(with_u32(ann_field::kVersion, 0), {"version 0, which does not exist"});
}

TEST_CASE("truncated in the header, at every section and inside each") {
  const auto whole = HandBuiltAnn{}.build();
  for (std::size_t length : {std::size_t{8}, std::size_t{11}, std::size_t{12}, std::size_t{100}, std::size_t{159}}) {
    CAPTURE(length);
    check_refused(std::span(whole).first(length),
                  {"model.emb.ann is truncated: the header needs 160 bytes, file has " + std::to_string(length)});
  }
  const std::size_t index_at = get_u64(whole, ann_field::kUpperIndexOffset);
  const std::size_t lists_at = get_u64(whole, ann_field::kUpperListsOffset);
  for (std::size_t length : {std::size_t{160}, std::size_t{192}, std::size_t{200}, index_at, index_at + 4,
                             lists_at, whole.size() - 1}) {
    CAPTURE(length);
    check_refused(std::span(whole).first(length),
                  {"model.emb.ann is truncated: header says " + std::to_string(whole.size()) +
                   " bytes, file has " + std::to_string(length)});
  }
  auto longer = whole;
  longer.push_back(std::byte{0});
  check_refused(longer, {"trailing data: header says " + std::to_string(whole.size()) + " bytes, file has " +
                         std::to_string(whole.size() + 1)});
}

TEST_CASE("a flipped bit anywhere in the header after the version") {
  const auto whole = HandBuiltAnn{}.build();
  for (std::size_t at = ann_field::kVersion + 4; at < ann_field::kHeaderSize; ++at) {
    CAPTURE(at);
    auto bytes = whole;
    bytes[at] ^= std::byte{0x08};
    check_refused(bytes, {"model.emb.ann has a corrupt header (checksum mismatch: header says 0x"});
  }
  check_refused(with_u32(ann_field::kReserved + 4, 1), {"reserved header byte 152 is 01, expected 00"});
}

TEST_CASE("numbers a search would follow") {
  check_refused(with_u32(ann_field::kDtype, 2), {"unknown dtype code 2"});
  check_refused(with_u64(ann_field::kRows, 1), {"header says 1 rows, expected 2 to 2^32"});
  check_refused(with_u64(ann_field::kRows, (std::uint64_t{1} << 32) + 1), {"expected 2 to 2^32"});
  check_refused(with_u32(ann_field::kLinks, 0), {"header says links (M) 0, expected 1 to 1024"});
  check_refused(with_u32(ann_field::kLinks0, 1025), {"header says level-0 links 1025, expected 1 to 1024"});
  check_refused(with_u32(ann_field::kEfSearch, 0), {"header says ef_search 0, expected at least 1"});
  check_refused(with_u32(ann_field::kTopLevel, 65), {"header says top level 65, expected at most 64"});
  check_refused(with_u64(ann_field::kNodes, 6), {"header says 6 nodes, more than the 5 word rows"});
  check_refused(with_u64(ann_field::kEntryPoint, 1), {"the entry point is row 1, expected 2 to 6"});
  check_refused(with_u64(ann_field::kEntryPoint, 7), {"the entry point is row 7, expected 2 to 6"});
  auto empty = HandBuiltAnn{};
  empty.nodes = 0;
  check_refused(empty.build(), {"header says 0 nodes but entry point 4 and top level 1, expected both 0"});
}

TEST_CASE("sections out of place or of the wrong size") {
  check_refused(with_u64(ann_field::kLevel0Size, 7 * 5 * 4 - 4),
                {"the level-0 links section has 136 bytes, expected 140 for 7 rows"});
  check_refused(with_u64(ann_field::kUpperIndexSize, 32), {"the upper index section has 32 bytes, expected 28"});
  check_refused(with_u64(ann_field::kLevel0Offset, 128), {"the level-0 links section starts at byte 128, before the end of the header at byte 160"});
  check_refused(with_u64(ann_field::kLevel0Offset, 196), {"the level-0 links section starts at byte 196, expected a multiple of 64"});
  const auto whole = HandBuiltAnn{}.build();
  check_refused(with_u64(ann_field::kUpperIndexOffset, 320),
                {"the upper index section starts at byte 320, before the end of the level-0 links section at byte 332"});
  check_refused(with_u64(ann_field::kUpperListsOffset, whole.size()),
                {"the upper links section (offset " + std::to_string(whole.size()) + ", size 32) runs past the end of the file"});
  check_refused(with_u64(ann_field::kUpperListsSize, 30), {"the upper links section has 30 bytes, expected a multiple of 4"});
  check_refused(with_u64(ann_field::kUpperListsOffset, kMaxU64), {"runs past the end of the file"});
}

TEST_CASE("verify: a damaged section is named, and the others are still checked") {
  auto bytes = HandBuiltAnn{}.build();
  bytes[get_u64(bytes, ann_field::kLevel0Offset) + 50] ^= std::byte{0x01};
  bytes[get_u64(bytes, ann_field::kUpperListsOffset) + 4] ^= std::byte{0x01};
  const auto problems = find_ann_problems(bytes, "model.emb.ann", kModel, "model.emb");
  REQUIRE(problems.size() == 2);
  check_message(problems[0], {"model.emb.ann has a corrupt level-0 links section (checksum mismatch"});
  check_message(problems[1], {"model.emb.ann has a corrupt upper links section (checksum mismatch"});
  CHECK(problems_of(HandBuiltAnn{}).empty());
}

TEST_CASE("verify: links that a sound checksum does not make right") {
  HandBuiltAnn hand;
  hand.level0[2 * 5] = 5;  // row 2 says it has 5 level-0 links; its record holds 4
  check_one_problem(hand, {"row 2 has 5 links on level 0, more than the 4 its record holds"});
  hand = {};
  hand.level0[3 * 5 + 2] = 7;
  check_one_problem(hand, {"row 3 links on level 0 to row 7, expected another word row (2 to 6)"});
  hand = {};
  hand.level0[3 * 5 + 2] = 3;
  check_one_problem(hand, {"row 3 links on level 0 to row 3"});
  hand = {};
  hand.level0[3 * 5 + 2] = 1;
  check_one_problem(hand, {"row 3 links on level 0 to row 1"});
  hand = {};
  hand.level0[3 * 5 + 4] = 6;
  check_one_problem(hand, {"row 3's record on level 0 has 6 in unused slot 3, expected 0"});
  hand = {};
  hand.upper_index[4] = 8;
  check_one_problem(hand, {"row 4's upper levels start at value 8, past the 8 values"});
  hand = {};
  hand.upper_lists[4] = 2;  // row 4 claims level 2 above a top level of 1
  check_one_problem(hand, {"row 4 has level 2, expected 1 to the top level 1"});
  hand = {};
  hand.upper_lists[2] = 3;  // row 2 links on level 1 to row 3, which is on level 0 only
  check_one_problem(hand, {"row 2 links on level 1 to row 3, which has no level 1"});
  hand = {};
  hand.entry_point = 5;
  check_one_problem(hand, {"the entry point, row 5, has level 0, expected the top level 1"});
}

TEST_CASE("a search meets damage as an Error, never a read outside the file") {
  HandBuiltAnn hand;
  hand.level0[2 * 5] = 9;
  hand.upper_lists[4] = 60;  // a level whose record runs far past the section
  const auto bytes = hand.build();
  const AnnGraphView graph(bytes, decode_ann_header(bytes, "model.emb.ann"), "model.emb.ann");
  check_message(error_of([&] { graph.links(2); }),
                {"model.emb.ann is damaged: row 2 has 9 level-0 links, more than the 4 its record holds"});
  check_message(error_of([&] { graph.links(4, 40); }),
                {"row 4 is reached on level 40 but its record says level 60 or runs past the upper links section"});
  check_message(error_of([&] { graph.bad_link(3, 99); }), {"row 3 links to row 99, beyond the 7 rows"});
}

}  // namespace ann_corruption_test
