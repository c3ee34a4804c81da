// is_emb_model_file: what train, vocab and pad use to tell a model given as a corpus.
#include "embedtool/storage/emb_sniff.h"

#include <doctest/doctest.h>

#include <string>

#include "support/temp_text_file.h"

using embedtool::is_emb_model_file;
using embedtool::testing::TempTextFile;

TEST_CASE("a file that starts with the .emb magic is a model, whatever follows") {
  CHECK(is_emb_model_file(TempTextFile(std::string("\x89" "EMB", 4) + "rest").path()));
}

TEST_CASE("text, a short file, standard input and folders are not") {
  CHECK_FALSE(is_emb_model_file(TempTextFile("the cat sat\n").path()));
  CHECK_FALSE(is_emb_model_file(TempTextFile("\x89" "EM").path()));
  CHECK_FALSE(is_emb_model_file("-"));
  const TempTextFile file("x");
  CHECK_FALSE(is_emb_model_file(file.beside("")));
}
