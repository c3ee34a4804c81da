// A classifier trained from a file in fastText's format: counting its words and labels, and
// train_model's supervised job.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/pipeline/labelled_corpus_count.h"
#include "embedtool/pipeline/train_model.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

TEST_CASE("counting a labelled file: labels by count then first appearance, unlabelled lines") {
  const TempTextFile file(
      "__label__b good film\n"
      "no label on this line\n"
      "__label__a bad __label__c film\n"
      "__label__c dull\n"
      "\n"
      "end __label__a");
  const LabelledCorpusCount count =
      count_labelled_file(file.path(), "train.txt", Tokenizer(TokenizerOptions{}), "__label__");
  CHECK(count.lines == 6);
  CHECK(count.unlabelled_lines == 2);
  CHECK(count.first_unlabelled_line == 2);
  CHECK(count.labels.tokens_seen() == 5);
  // Every line's words count, labelled or not, as fastText's dictionary counts them.
  CHECK(count.words.tokens_seen() == 11);
  const LabelSet labels = label_set_of(count.labels);
  REQUIRE(labels.size() == 3);
  CHECK(labels.name(0) == "__label__a");  // 2, first seen before c
  CHECK(labels.name(1) == "__label__c");  // 2
  CHECK(labels.name(2) == "__label__b");  // 1
  CHECK(labels.count(0) == 2);
}

TEST_CASE("counting a labelled file by parts: the parts' lines make up the whole, in order") {
  const std::string text =
      "__label__b good film\n"
      "no label on this line\n"
      "__label__a bad __label__c film\n"
      "__label__c dull\n"
      "\n"
      "end __label__a";
  const TempTextFile file(text);
  const Tokenizer tokenizer{TokenizerOptions{}};
  // Byte 50 is inside line 3 (bytes 43 to 73): the line starts in the first part, so is its.
  const LabelledCorpusCount first =
      count_labelled_range(file.path(), "t", tokenizer, "__label__", 0, 0, 50);
  const LabelledCorpusCount second =
      count_labelled_range(file.path(), "t", tokenizer, "__label__", 0, 50, text.size());
  CHECK(first.lines == 3);
  CHECK(second.lines == 3);
  CHECK(first.unlabelled_lines == 1);
  CHECK(first.first_unlabelled_line == 2);
  CHECK(second.unlabelled_lines == 1);
  CHECK(second.first_unlabelled_line == 2);  // the empty line, the part's second
  CHECK(first.labels.tokens_seen() + second.labels.tokens_seen() == 5);
  CHECK(first.words.tokens_seen() + second.words.tokens_seen() == 11);
}

TrainJob classifier_job(const std::string& path) {
  TrainJob job;
  job.corpus_path = path;
  job.settings.architecture = Architecture::supervised;
  job.settings.output_dim = 8;
  job.settings.epochs = 10;
  job.settings.threads = 1;
  return job;
}

TEST_CASE("train_model: a classifier keeps its labels, its head and its n-gram buckets") {
  std::ostringstream text;
  for (int i = 0; i < 30; ++i) text << "__label__pos a fine film\n__label__neg a dull film\n";
  text << "a line without a label\n";
  const TempTextFile file(text.str());
  TrainJob job = classifier_job(file.path());
  job.settings.word_ngrams = 2;
  std::vector<std::string> warnings;
  const EmbeddingModel model = train_model(job, {}, {}, nullptr, nullptr,
                                           [&](const std::string& w) { warnings.push_back(w); });
  REQUIRE(model.labels.size() == 2);
  CHECK(model.labels.name(0) == "__label__pos");
  REQUIRE(model.head.has_value());
  CHECK(model.head->kind == "ova");  // loss auto, for two labels
  CHECK(model.head->weights.rows() == 2);
  REQUIRE(model.buckets.has_value());
  CHECK(model.buckets->kind == "word-ngrams");
  // Sized from the file (tokens · 1, rounded up to a power of two, at least 1024).
  CHECK(model.buckets->rows.rows() == 1024);
  CHECK(model.metadata.at("architecture") == "supervised");
  CHECK(model.metadata.at("word_ngrams") == 2);
  CHECK(model.metadata.at("buckets") == 1024);
  CHECK(model.metadata.at("label_prefix") == "__label__");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("skipped 1 of 61 lines") != std::string::npos);
  CHECK(warnings[0].find("line 61") != std::string::npos);
}

TEST_CASE("train_model: another label prefix, and no buckets without word n-grams") {
  const TempTextFile file("#yes fine\n#no dull\n#yes fine film\n");
  TrainJob job = classifier_job(file.path());
  job.label_prefix.assign(1, '#');
  job.settings.word_ngrams = 1;  // not = "#", which trips a false -Wrestrict in g++ 12
  const EmbeddingModel model = train_model(job);
  CHECK(model.labels.size() == 2);
  CHECK_FALSE(model.buckets.has_value());
  CHECK(model.metadata.at("label_prefix") == "#");
}

TEST_CASE("train_model: a file with no labelled line is an error that names the prefix") {
  const TempTextFile file("just words\nand more words\n");
  const TrainJob job = classifier_job(file.path());
  CHECK_THROWS_WITH_AS(train_model(job),
                       doctest::Contains("has no labelled line"), Error);
  CHECK_THROWS_WITH_AS(train_model(job), doctest::Contains("__label__"), Error);
}

}  // namespace
}  // namespace embedtool
