#pragma once
// Queries for nearest neighbours written as sums of words: `king - man + woman`. Operators are
// separate tokens, because words may contain '-' ("well-known") and '+'. Solved by 3CosAdd (the
// rule of word2vec's analogies and gensim's most_similar): the target is the sum of the signed
// unit vectors of the words, and the answers are the rows nearest to it by cosine, leaving out
// the words of the query.
#include <span>
#include <string>
#include <vector>

namespace embedtool {

struct ExpressionTerm {
  std::string word;
  int sign = 1;  // +1 or -1
};

// True when the tokens hold an operator ("+" or "-"), i.e. they form one expression rather than
// a list of words to answer one by one.
bool is_vector_expression(std::span<const std::string> tokens);

// Parses `word (op word)*`, with an optional sign before the first word. Throws Error saying what
// is missing for "king -", "king - - man", "+", or two words without an operator between them.
std::vector<ExpressionTerm> parse_vector_expression(std::span<const std::string> tokens);

// The expression as one line of text, for output labels: "king - man + woman".
std::string expression_text(std::span<const ExpressionTerm> terms);

}  // namespace embedtool
