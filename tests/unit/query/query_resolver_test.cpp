// Every kind of lookup turns queries into rows the same way and says the same thing when it
// cannot.
#include "embedtool/query/query_resolver.h"

#include <doctest/doctest.h>

using namespace embedtool;

namespace {

Vocabulary small_vocabulary() {
  Vocabulary vocabulary;
  vocabulary.add("cat", 5);   // 2
  vocabulary.add("dog", 3);   // 3
  vocabulary.add("café", 1);  // 4
  return vocabulary;
}

QueryResolver resolver_of(const Vocabulary& vocabulary, bool by_id) {
  return QueryResolver([&vocabulary](std::string_view word) { return vocabulary.id_of(word); },
                       vocabulary.input_dim(), "m.emb", by_id);
}

}  // namespace

TEST_CASE("a known word resolves to its row") {
  const Vocabulary vocabulary = small_vocabulary();
  const QueryResolver resolver = resolver_of(vocabulary, false);
  const ResolvedQuery resolved = resolver.resolve("dog");
  CHECK(resolved.id == WordId{3});
  CHECK(resolved.problem.empty());
  CHECK_FALSE(resolved.out_of_vocabulary);
  CHECK_FALSE(resolver.by_id());
}

TEST_CASE("an unknown word is out of vocabulary and named with the model") {
  const Vocabulary vocabulary = small_vocabulary();
  const ResolvedQuery resolved = resolver_of(vocabulary, false).resolve("horse");
  CHECK_FALSE(resolved.id);
  CHECK(resolved.out_of_vocabulary);
  CHECK(resolved.problem == "unknown word \"horse\" (not in the vocabulary of m.emb)");
  SUBCASE("the reserved tokens are not words") {
    CHECK_FALSE(resolver_of(vocabulary, false).resolve("<pad>").id);
  }
}

TEST_CASE("an unknown word that the tokenizer would have made known gets a suggestion") {
  const Vocabulary vocabulary = small_vocabulary();
  const QueryResolver resolver = resolver_of(vocabulary, false);
  CHECK(resolver.resolve("Cat").problem ==
        "unknown word \"Cat\" (not in the vocabulary of m.emb); did you mean \"cat\"?");
  CHECK(resolver.resolve("CAFÉ").problem.ends_with("; did you mean \"café\"?"));
  // Tokenized into two words, or into an unknown one: nothing to suggest.
  CHECK(resolver.resolve("cat,dog").problem.find("did you mean") == std::string::npos);
  CHECK(resolver.resolve("Horse").problem.find("did you mean") == std::string::npos);
  // Not UTF-8: no suggestion, and no exception either.
  CHECK(resolver.resolve("c\xff").problem.find("did you mean") == std::string::npos);
}

TEST_CASE("with --ids, queries are row numbers checked against the rows of E") {
  const Vocabulary vocabulary = small_vocabulary();
  const QueryResolver resolver = resolver_of(vocabulary, true);
  CHECK(resolver.by_id());
  CHECK(resolver.resolve("4").id == WordId{4});
  CHECK(resolver.resolve("0").id == WordId{0});  // the reserved rows are rows of E too
  for (const char* bad : {"x", "3x", "", " 3", "0x2", "2.0"}) {
    CAPTURE(bad);
    const ResolvedQuery resolved = resolver.resolve(bad);
    CHECK_FALSE(resolved.id);
    CHECK(resolved.problem == "not an id: \"" + std::string(bad) + "\"");
    CHECK_FALSE(resolved.out_of_vocabulary);  // no --oov policy stands in for a bad id
  }
  CHECK(resolver.resolve("5").problem == "id 5 is out of range: m.emb has ids 0 to 4");
  CHECK(resolver.resolve("-1").problem == "id -1 is out of range: m.emb has ids 0 to 4");
  CHECK_FALSE(resolver.resolve("5").out_of_vocabulary);
}
