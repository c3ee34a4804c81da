#include "help_examples.h"

#include <string>
#include <vector>

#include "command_path.h"

namespace embedtool::cli {

namespace {

struct CommandExamples {
  const char* command;  // as typed after embedtool (command_path.h)
  std::vector<const char*> lines;  // a command line and, after #, what it gives
};

const std::vector<CommandExamples>& example_table() {
  static const std::vector<CommandExamples> table = {
      {"vocab",
       {"embedtool vocab corpus.txt -o vocab.tsv              # word<TAB>count, line k = id k+1",
        "embedtool vocab corpus.txt --min-count 5 --input-dim 20000",
        "zcat big.txt.gz | embedtool vocab | cut -f1 | head   # the ten most frequent words"}},
      {"pad",
       {"embedtool pad --vocab vocab.tsv --input-length 8 sentences.txt > X.txt",
        "printf '1 2 3\\n4 5\\n' | embedtool pad --padding post   # 1 2 3 / 4 5 0",
        "embedtool pad --vocab model.emb --input-length 20 --truncating post reviews.txt"}},
      {"train",
       {"embedtool train corpus.txt -o model.emb               # skip-gram, 100 dims, all cores",
        "embedtool train corpus.txt --arch cbow --loss hs --epochs 10 --output-dim 300",
        "embedtool train --supervised train.txt -o clf.emb     # a classifier (fastText's format)"}},
      {"lookup",
       {"embedtool lookup -m model.emb cat dog                # word v1 ... vD",
        "embedtool lookup -m model.emb --nearest 5 king - man + woman",
        "embedtool pad --vocab model.emb --input-length 20 s.txt | embedtool lookup -m model.emb "
        "--batch --format npy -o Y.npy"}},
      {"convert",
       {"embedtool convert model.emb model.bin                # word2vec binary, for gensim",
        "embedtool convert wiki.en.vec wiki.emb --limit 200000",
        "embedtool convert glove.txt E.npy --rows-from vocab.tsv   # row i: vocab.tsv's id i (Keras)"}},
      {"index",
       {"embedtool index old.emb                             # adds row norms: fast --nearest",
        "embedtool index *.emb"}},
      {"verify",
       {"embedtool verify model.emb                           # model.emb: ok (...)",
        "embedtool verify *.emb vectors.bin                   # exit status 1 if any is damaged"}},
      {"info",
       {"embedtool info model.emb                             # format, input_dim x output_dim, settings",
        "embedtool info --format json model.emb | jq .metadata"}},
      {"eval",
       {"embedtool eval -m model.emb --similarity wordsim353.tsv",
        "embedtool eval -m model.emb --analogy questions-words.txt --restrict 30000",
        "embedtool eval -m model.emb --similarity simlex.txt --format json"}},
      {"predict",
       {"embedtool predict -m clf.emb reviews.txt              # __label__pos",
        "embedtool predict -m clf.emb -k 2 --probabilities -   # __label__pos 0.97 __label__neg 0.03",
        "echo 'what a fine film' | embedtool predict -m clf.emb --format json"}},
      {"test",
       {"embedtool test -m clf.emb test.txt                    # N, P@1, R@1, accuracy",
        "embedtool test -m clf.emb -k 5 test.txt               # P@5, R@5",
        "embedtool test -m clf.emb --per-label --confusion test.txt"}},
      {"plot",
       {"embedtool plot loss run.jsonl -o loss.svg            # from train --log-json run.jsonl",
        "embedtool plot map -m model.emb -o map.svg           # the 100 most frequent words",
        "embedtool plot confusion -m clf.emb test.txt -o confusion.svg"}},
      {"plot loss",
       {"embedtool plot loss run.jsonl -o loss.svg            # run.jsonl from train --log-json",
        "embedtool plot loss run.jsonl --width 1200 --height 700 -o loss.svg"}},
      {"plot map",
       {"embedtool plot map -m model.emb --top 200 -o map.svg",
        "embedtool plot map -m model.emb king queen man woman paris france -o map.svg"}},
      {"plot confusion",
       {"embedtool plot confusion -m clf.emb test.txt -o confusion.svg",
        "embedtool plot confusion -m clf.emb --top 10 test.txt -o confusion.svg"}},
  };
  return table;
}

}  // namespace

void add_help_examples(CLI::App& app) {
  for (CLI::App* command : all_commands(app)) {
    for (const CommandExamples& examples : example_table()) {
      if (command_path(*command) != examples.command) continue;
      std::string footer = "Examples:\n";
      for (const char* line : examples.lines) footer += "  " + std::string(line) + "\n";
      command->footer(footer);
    }
  }
}

}  // namespace embedtool::cli
