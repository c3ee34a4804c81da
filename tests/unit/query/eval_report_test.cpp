#include "embedtool/query/eval_report.h"

#include <doctest/doctest.h>

#include <cmath>

using embedtool::EvalReport;

namespace {

EvalReport sample_report() {
  EvalReport report;
  report.model = "model.emb";
  embedtool::SimilarityResult similarity;
  similarity.pairs = 353;
  similarity.used = 340;
  similarity.skipped = 13;
  similarity.spearman = 0.5712345678;
  report.similarity.push_back({"wordsim353.tsv", similarity});
  embedtool::AnalogyResult analogy;
  analogy.searched_words = 30000;
  analogy.sections.push_back({"family", {506, 6, 250}, ""});
  analogy.sections.push_back({"empty", {2, 2, 0}, "ss"});
  analogy.overall = {508, 8, 250};
  report.analogy.push_back({"questions-words.txt", analogy});
  return report;
}

}  // namespace

TEST_CASE("the text report is a table per file") {
  const std::string text = embedtool::eval_report_text(sample_report());
  CHECK(text ==
        "word similarity  pairs  used  skipped (unknown word)  Spearman\n"
        "wordsim353.tsv     353   340               13 (3.7%)  0.571235\n"
        "\n"
        "analogy: questions-words.txt (3CosAdd among the 30000 most frequent words)\n"
        "section  questions  answered  correct  accuracy  skipped\n"
        "family         506       500      250    50.00%        6\n"
        "empty            2         0        0       n/a        2\n"
        "overall        508       500      250    50.00%        8\n"
        "skipped: 8 (1.6%) of 508 questions have a word outside the searched words\n");
}

TEST_CASE("the JSON report has every figure, null where undefined") {
  const nlohmann::json json = embedtool::eval_report_json(sample_report());
  CHECK(json["model"] == "model.emb");
  CHECK(json["similarity"][0]["file"] == "wordsim353.tsv");
  CHECK(json["similarity"][0]["spearman"] == 0.5712345678);
  CHECK(json["similarity"][0]["used"] == 340);
  const auto& analogy = json["analogy"][0];
  CHECK(analogy["searched_words"] == 30000);
  CHECK(analogy["correct"] == 250);
  CHECK(analogy["answered"] == 500);
  CHECK(analogy["accuracy"] == 0.5);
  CHECK(analogy["sections"][1]["name"] == "empty");
  CHECK(analogy["sections"][1]["outcomes"] == "ss");
  // NaN is not JSON: nlohmann::json writes it as null.
  CHECK(analogy["sections"][1].dump().find("\"accuracy\":null") != std::string::npos);
}

TEST_CASE("a report without similarity files still lists both keys") {
  EvalReport report;
  report.model = "m.emb";
  const nlohmann::json json = embedtool::eval_report_json(report);
  CHECK(json["similarity"].is_array());
  CHECK(json["analogy"].is_array());
  CHECK(embedtool::eval_report_text(report).empty());
}
