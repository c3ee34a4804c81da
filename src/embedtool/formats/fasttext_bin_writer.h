#pragma once
// Writes a word model as a fastText model file (.bin, version 12, the layout
// fasttext_bin_layout.h reads), so that fastText itself loads it: `fasttext print-word-vectors`,
// `fasttext nn` and `-pretrainedVectors`-style reuse. The file holds fastText's settings (from
// the model's metadata where it has them), its dictionary (the vocabulary's words and counts,
// without the reserved <pad> and <unk>), the input matrix (E's word rows, no n-gram buckets:
// minn = maxn = 0, so fastText gives an unseen word the zero vector, as the model does) and an
// output matrix (the ns head's W when the model kept it, else zeros: fastText needs one, and
// nothing that reads word vectors uses it). The loss is written as ns for that reason.
//
// Refused, with one line each: classifiers (their word n-grams are hashed from word ids, which
// fastText cannot follow), models with bucket rows, and words fastText could not read back (a
// whitespace or NUL byte splits them).
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"

namespace embedtool {

void write_fasttext_bin(const EmbeddingModel& model, OutputFile& out);

}  // namespace embedtool
