// looks_like_vocabulary_file: what lookup and info use to tell a vocabulary file given as a
// model from the projector .tsv they would otherwise read it as.
#include <doctest/doctest.h>

#include <string>

#include "embedtool/vocabulary/vocabulary_io.h"
#include "support/temp_text_file.h"

using embedtool::looks_like_vocabulary_file;
using embedtool::testing::TempTextFile;

TEST_CASE("a vocab file's first line, word<TAB>count, is told as one") {
  CHECK(looks_like_vocabulary_file(TempTextFile("the\t120\ncat\t7\n").path()));
  CHECK(looks_like_vocabulary_file(TempTextFile("\xEF\xBB\xBFthe\t120\r\n").path()));
}

TEST_CASE("vectors and other text are not") {
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("0.5\t3\n").path()));  // 2-D vectors.tsv
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("0.1\t0.2\t0.3\n").path()));
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("the\t0.25\n").path()));
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("the cat sat\n").path()));
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("the\t1\t2\n").path()));
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("\t12\n").path()));
  CHECK_FALSE(looks_like_vocabulary_file(TempTextFile("").path()));
}

TEST_CASE("standard input, folders and missing files are never read") {
  CHECK_FALSE(looks_like_vocabulary_file("-"));
  const TempTextFile file("the\t1\n");
  CHECK_FALSE(looks_like_vocabulary_file(file.beside("")));
  CHECK_FALSE(looks_like_vocabulary_file(file.beside("missing.tsv")));
}
