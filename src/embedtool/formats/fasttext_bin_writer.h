#pragma once
// Writes a word model as a fastText model file (.bin, version 12, the layout
// fasttext_bin_layout.h reads), so that fastText itself loads it: `fasttext print-word-vectors`,
// `fasttext nn` and `-pretrainedVectors`-style reuse. The file holds fastText's settings (from
// the model's metadata where it has them), its dictionary (the vocabulary's words and counts,
// without the reserved <pad> and <unk>), the input matrix and an output matrix (the ns head's W
// when the model kept it, else zeros: fastText needs one, and nothing that reads word vectors
// uses it). The loss is written as ns for that reason.
//
// The input matrix of a word-only model is E's word rows, with minn = maxn = bucket = 0, so
// fastText gives an unseen word the zero vector, as the model does. A subword model's (bucket
// rows of kind char-ngrams) is its words' own input rows, then its n-gram rows, with its minn,
// maxn and bucket count: fastText computes a word's vector as the mean of its own row and its
// n-grams', where E stores that mean (model.h), so each word's own row is recovered as
// (1 + n) · E's row − the sum of its n n-gram rows. fastText then gives every word, seen or not,
// the vector embedtool gives it, to float rounding (about 1e-7 of the vectors' scale).
//
// Refused, with one line each: classifiers, with or without subwords (no labels or classifier
// heads are written, and their word n-grams are hashed from word ids, which fastText cannot
// follow), and words fastText could not read back (a whitespace or NUL byte splits them).
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"

namespace embedtool {

void write_fasttext_bin(const EmbeddingModel& model, OutputFile& out);

}  // namespace embedtool
