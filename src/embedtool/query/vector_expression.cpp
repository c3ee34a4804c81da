#include "embedtool/query/vector_expression.h"

#include <algorithm>
#include <optional>

#include "embedtool/errors.h"

namespace embedtool {
namespace {

bool is_operator(const std::string& token) { return token == "+" || token == "-"; }

std::string joined(std::span<const std::string> tokens) {
  std::string text;
  for (const std::string& token : tokens) {
    if (!text.empty()) text.push_back(' ');
    text.append(token);
  }
  return text;
}

}  // namespace

bool is_vector_expression(std::span<const std::string> tokens) {
  return std::any_of(tokens.begin(), tokens.end(), is_operator);
}

std::vector<ExpressionTerm> parse_vector_expression(std::span<const std::string> tokens) {
  const auto fail = [&](const std::string& what) {
    throw Error("cannot read the expression \"" + joined(tokens) + "\": " + what +
                " (write words and + or - separated by spaces: king - man + woman)");
  };
  std::vector<ExpressionTerm> terms;
  std::optional<int> pending_sign;  // an operator read, waiting for its word
  for (const std::string& token : tokens) {
    if (is_operator(token)) {
      if (pending_sign) fail("two operators in a row");
      pending_sign = token == "-" ? -1 : 1;
    } else {
      if (!terms.empty() && !pending_sign) {
        fail("no + or - between \"" + terms.back().word + "\" and \"" + token + "\"");
      }
      terms.push_back({token, pending_sign.value_or(1)});
      pending_sign.reset();
    }
  }
  if (terms.empty()) fail("no word");
  if (pending_sign) fail("a word is missing after the last operator");
  return terms;
}

std::string expression_text(std::span<const ExpressionTerm> terms) {
  std::string text;
  for (const ExpressionTerm& term : terms) {
    if (!text.empty()) {
      text.append(term.sign < 0 ? " - " : " + ");
    } else if (term.sign < 0) {
      text.append("-");
    }
    text.append(term.word);
  }
  return text;
}

}  // namespace embedtool
