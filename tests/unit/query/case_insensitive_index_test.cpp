#include "embedtool/query/case_insensitive_index.h"

#include <doctest/doctest.h>

#include "embedtool/query/case_fold.h"

using embedtool::CaseInsensitiveIndex;
using embedtool::fold_case;
using embedtool::Vocabulary;

TEST_CASE("case folding: ASCII lowercases, Unicode folds fully, invalid UTF-8 has no key") {
  CHECK(fold_case("Paris") == "paris");
  CHECK(fold_case("ÉCOLE") == fold_case("école"));
  CHECK(fold_case("Straße") == "strasse");
  CHECK(fold_case("ΣΟΦΟΣ") == fold_case("σοφος"));  // final sigma folds like sigma
  CHECK(fold_case("") == "");
  CHECK_FALSE(fold_case("caf\xC3").has_value());
}

TEST_CASE("words are found whatever their case; the most frequent spelling answers") {
  Vocabulary vocabulary;
  vocabulary.add("Paris", 9);   // 2
  vocabulary.add("paris", 5);   // 3
  vocabulary.add("berlin", 4);  // 4
  vocabulary.add("PARIS", 1);   // 5
  const CaseInsensitiveIndex index(vocabulary, 100);
  CHECK(index.end_row() == 6);
  CHECK(index.find("paris") == 2);
  CHECK(index.find("pArIs") == 2);
  CHECK(index.find("BERLIN") == 4);
  CHECK_FALSE(index.find("rome").has_value());
  CHECK_FALSE(index.find("\xFF").has_value());
  CHECK(index.representative(2) == 2);
  CHECK(index.representative(3) == 2);
  CHECK(index.representative(4) == 4);
  CHECK(index.representative(5) == 2);
}

TEST_CASE("only the rows before end_row are indexed") {
  Vocabulary vocabulary;
  vocabulary.add("the", 9);
  vocabulary.add("cat", 5);
  vocabulary.add("The", 1);
  const CaseInsensitiveIndex first_word(vocabulary, 3);
  CHECK(first_word.find("THE") == 2);
  CHECK_FALSE(first_word.find("cat").has_value());
  const CaseInsensitiveIndex none(vocabulary, 0);
  CHECK(none.end_row() == embedtool::kFirstWordId);
  CHECK_FALSE(none.find("the").has_value());
}
