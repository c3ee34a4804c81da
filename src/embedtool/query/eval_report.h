#pragma once
// What `embedtool eval` prints: a small table per evaluated file for people, or one JSON object
// for scripts. Undefined figures (a correlation over fewer than two pairs, the accuracy of a
// section with no answered question) print as "n/a" and as JSON null.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "embedtool/query/analogy_eval.h"
#include "embedtool/query/similarity_eval.h"

namespace embedtool {

struct EvalReport {
  struct Similarity {
    std::string file;
    SimilarityResult result;
  };
  struct Analogy {
    std::string file;
    AnalogyResult result;
  };
  std::string model;
  std::vector<Similarity> similarity;
  std::vector<Analogy> analogy;
};

// Tables separated by blank lines, ending in a newline.
std::string eval_report_text(const EvalReport& report);

// {"model": ..., "similarity": [...], "analogy": [...]}; both lists are always present.
nlohmann::json eval_report_json(const EvalReport& report);

}  // namespace embedtool
