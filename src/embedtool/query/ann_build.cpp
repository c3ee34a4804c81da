#include "embedtool/query/ann_build.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <new>
#include <queue>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// hnswlib 0.6.2's searchBaseLayer prefetches the entry after each link it follows, so on a full
// list it reads one u32 past the list's end: past the allocation for a node's top upper level
// (AddressSanitizer reports it as a heap-buffer-overflow). That code, and all of hnswlib's SIMD,
// is only compiled when __SSE__ is defined; none of it is needed here (the distances are ours,
// and its prefetches would fetch row numbers, not rows), so hnswlib is compiled without it. The
// standard headers it uses are included above, so that none is first read without __SSE__.
#pragma push_macro("__SSE__")
#undef __SSE__
#include <hnswlib/hnswlib.h>
#pragma pop_macro("__SSE__")

#include "embedtool/errors.h"
#include "embedtool/model.h"
#include "embedtool/query/row_dots.h"
#include "embedtool/storage/ann_file.h"

namespace embedtool {

namespace {

// hnswlib's view of the model: a node's data is its row number (8 bytes), and the distance of
// two nodes is 1 - cosine of their rows, read in place. hnswlib calls the distance function
// from every building thread at once; it only reads.
class StoredRowsSpace final : public hnswlib::SpaceInterface<float> {
 public:
  explicit StoredRowsSpace(const StoredRows& rows) : rows_(rows) {}
  std::size_t get_data_size() override { return sizeof(std::uint64_t); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return &distance; }
  void* get_dist_func_param() override { return &rows_; }

 private:
  static float distance(const void* a, const void* b, const void* param) {
    const auto& rows = *static_cast<const StoredRows*>(param);
    std::uint64_t row_a = 0;
    std::uint64_t row_b = 0;
    std::memcpy(&row_a, a, sizeof(row_a));
    std::memcpy(&row_b, b, sizeof(row_b));
    // Divided one length at a time: the product of two tiny lengths could underflow to 0.
    return 1.0f - dot_two_rows(rows, row_a, row_b) / rows.norms[row_a] / rows.norms[row_b];
  }

  StoredRows rows_;
};

using Hnsw = hnswlib::HierarchicalNSW<float>;

// Level 0 keeps twice as many links, and the file holds at most kAnnMaxLinks.
constexpr std::uint32_t kAnnMaxLinksSetting = kAnnMaxLinks / 2;

// Inserts `order` into the index from `threads` threads, each taking the next row as it is done.
void insert_rows(Hnsw& index, const std::vector<std::uint64_t>& order, unsigned threads,
                 const AnnBuildSettings& settings) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(threads);
  const auto insert = [&](unsigned thread) {
    try {
      constexpr std::size_t kProgressEvery = 4096;
      for (std::size_t i = next++; i < order.size(); i = next++) {
        const std::uint64_t row = order[i];
        index.addPoint(&row, static_cast<hnswlib::labeltype>(row));
        if (thread == 0 && settings.progress && i % kProgressEvery == 0) settings.progress(i, order.size());
      }
    } catch (...) {
      failures[thread] = std::current_exception();
      next = order.size();  // the others stop too
    }
  };
  {
    std::vector<std::jthread> workers;  // joined at the end of this scope
    for (unsigned thread = 1; thread < threads; ++thread) workers.emplace_back(insert, thread);
    insert(0);
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  if (settings.progress) settings.progress(order.size(), order.size());
}

// One list of hnswlib's (a count, then internal ids) as rows, padded with zeros to `capacity`.
void append_links(const Hnsw& index, const hnswlib::linklistsizeint* list, std::uint32_t capacity,
                  std::uint32_t* out) {
  const std::uint32_t count = index.getListCount(const_cast<hnswlib::linklistsizeint*>(list));
  const auto* internal = reinterpret_cast<const hnswlib::tableint*>(list + 1);
  out[0] = count;
  for (std::uint32_t i = 0; i < count; ++i) out[1 + i] = static_cast<std::uint32_t>(index.getExternalLabel(internal[i]));
  std::fill(out + 1 + count, out + 1 + capacity, 0u);
}

// hnswlib's links in our layout, rows in order (so the layout depends on the links alone).
AnnGraph export_graph(const Hnsw& index, const AnnModelIdentity& model, const AnnParameters& parameters) {
  AnnGraph graph;
  graph.model = model;
  graph.parameters = parameters;
  graph.nodes = index.cur_element_count;
  const std::uint32_t links0 = parameters.links0;
  const std::uint32_t links = parameters.links;
  graph.level0.assign(model.rows * (std::uint64_t{1} + links0), 0);
  graph.upper_index.assign(model.rows, kAnnNoUpperLevels);
  constexpr auto kNotInGraph = static_cast<hnswlib::tableint>(-1);
  std::vector<hnswlib::tableint> internal_of_row(model.rows, kNotInGraph);
  for (hnswlib::tableint internal = 0; internal < index.cur_element_count; ++internal) {
    internal_of_row[index.getExternalLabel(internal)] = internal;
  }
  for (std::uint64_t row = 0; row < model.rows; ++row) {
    const hnswlib::tableint internal = internal_of_row[row];
    if (internal == kNotInGraph) continue;
    append_links(index, index.get_linklist0(internal), links0, graph.level0.data() + row * (1 + links0));
    const auto level = static_cast<std::uint32_t>(index.element_levels_[internal]);
    if (level == 0) continue;
    if (graph.upper_lists.size() + 1 + std::uint64_t{level} * (1 + links) >= kAnnNoUpperLevels) {
      throw Error("the ANN index's upper levels would exceed 2^32 values; use fewer links");
    }
    graph.upper_index[row] = static_cast<std::uint32_t>(graph.upper_lists.size());
    graph.upper_lists.push_back(level);
    for (std::uint32_t l = 1; l <= level; ++l) {
      const std::size_t at = graph.upper_lists.size();
      graph.upper_lists.resize(at + 1 + links);
      append_links(index, index.get_linklist(internal, static_cast<int>(l)), links, graph.upper_lists.data() + at);
    }
  }
  if (graph.nodes > 0) {
    graph.entry_point = index.getExternalLabel(index.enterpoint_node_);
    graph.top_level = static_cast<std::uint32_t>(index.maxlevel_);
  }
  return graph;
}

}  // namespace

AnnGraph build_ann_graph(const StoredRows& rows, const AnnModelIdentity& model,
                         const AnnBuildSettings& settings) {
  if (rows.norms == nullptr) throw Error("building an ANN index needs the model's row norms");
  if (rows.rows > std::numeric_limits<std::uint32_t>::max()) {
    throw Error("an ANN index names rows with 32 bits; the model has " + std::to_string(rows.rows) + " rows");
  }
  AnnParameters parameters = settings.parameters;
  if (parameters.links < 2 || parameters.links > kAnnMaxLinksSetting) {
    throw Error("an ANN index keeps 2 to " + std::to_string(kAnnMaxLinksSetting) + " links a row, not " +
                std::to_string(parameters.links));
  }
  if (parameters.ef_search == 0) throw Error("the ANN search beam (ef) must be at least 1");
  parameters.links0 = 2 * parameters.links;
  std::vector<std::uint64_t> order;
  for (std::uint64_t row = kFirstWordId; row < rows.rows; ++row) {
    const float length = rows.norms[row];
    if (std::isfinite(length) && length > 0) order.push_back(row);
  }
  StoredRowsSpace space(rows);
  const unsigned threads = settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
  try {
    // hnswlib wants room for at least one node.
    Hnsw index(&space, std::max<std::size_t>(order.size(), 1), parameters.links,
               std::max<std::uint32_t>(parameters.ef_construction, 1));
    insert_rows(index, order, threads, settings);
    return export_graph(index, model, parameters);
  } catch (const std::bad_alloc&) {
    throw Error("not enough memory to build the ANN index of " + std::to_string(order.size()) + " rows");
  } catch (const Error&) {
    throw;
  } catch (const std::runtime_error& error) {
    throw Error(std::string("building the ANN index: ") + error.what());  // hnswlib's own failures
  }
}

}  // namespace embedtool
